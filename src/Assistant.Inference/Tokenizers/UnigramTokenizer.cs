using Assistant.Inference.Llama.Gguf;
using Assistant.Inference.Tokenizers.HuggingFace;
using Microsoft.ML.Tokenizers;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// SentencePiece unigram (UGM) tokenizer of the XLM-RoBERTa family (multilingual-e5, BGE-M3, nomic xlm) on
/// Microsoft.ML.Tokenizers' <see cref="SentencePieceTokenizer"/>. Read from a GGUF vocabulary the package normalizes
/// (precompiled charsmap, whitespace) and searches the whole text, which gives llama.cpp's <c>llm_tokenizer_ugm</c>
/// ids; read from a Hugging Face tokenizer.json, that file's normalizer and pre-tokenizer (<see cref="TextPipeline"/>)
/// cut the text and the package searches each piece.
/// </summary>
public sealed class UnigramTokenizer : ITextTokenizer
{
    // Characters per search, about a dozen pieces (see ChunkLength).
    private const int ChunkChars = 64;

    private readonly SentencePieceTokenizer model;
    private readonly TextPipeline? pipeline;
    private readonly DeletedCharacters? deleted;
    private readonly bool chunked;
    private readonly bool[] silent;

    /// <param name="pipeline">Normalizes and splits the text; null: the model's own SentencePiece normalizer does.</param>
    /// <param name="deleted">Removed before the model's own normalizer sees the text.</param>
    /// <param name="silent">Per id: left out of decoded text (control and unknown tokens).</param>
    /// <param name="chunked">Search the text in chunks (see ChunkLength), which needs a dummy prefix and collapsed whitespace.</param>
    private UnigramTokenizer(SentencePieceTokenizer model, TextPipeline? pipeline, DeletedCharacters? deleted, bool chunked, bool[] silent, SpecialTokens special)
    {
        this.chunked = chunked;
        this.model = model;
        this.pipeline = pipeline;
        this.deleted = deleted;
        this.silent = silent;
        Special = special;
    }

    /// <summary>Number of pieces in the vocabulary, special ones included.</summary>
    public int VocabularySize => silent.Length;

    public SpecialTokens Special { get; }

    /// <summary>Loads the tokenizer from a GGUF file (a vocab-only one is enough).</summary>
    /// <exception cref="InvalidDataException">The file is not GGUF or has no unigram vocabulary.</exception>
    public static UnigramTokenizer FromGguf(string path)
    {
        var metadata = GgufMetadata.Read(path);
        var kind = metadata.GetString("tokenizer.ggml.model");
        return kind == "t5"
            ? FromGguf(metadata)
            : throw new InvalidDataException($"'{path}' has tokenizer model '{kind}', not a unigram ('t5') one.");
    }

    /// <summary>Loads the tokenizer from a Hugging Face tokenizer.json whose model is Unigram.</summary>
    /// <exception cref="InvalidDataException">The file is not such a tokenizer.json, or uses a component not supported here.</exception>
    public static UnigramTokenizer FromTokenizerJson(string path) => TokenizerJson.LoadUnigram(path);

    internal static UnigramTokenizer FromGguf(GgufMetadata metadata)
    {
        var pieces = metadata.GetStringArray("tokenizer.ggml.tokens")
            ?? throw new InvalidDataException("The GGUF file has no tokenizer.ggml.tokens.");
        var scores = metadata.GetFloat32Array("tokenizer.ggml.scores") ?? new float[pieces.Length];
        var types = metadata.GetInt32Array("tokenizer.ggml.token_type") ?? Enumerable.Repeat(PieceType.Normal, pieces.Length).ToArray();
        if (scores.Length != pieces.Length || types.Length != pieces.Length)
        {
            throw new InvalidDataException("The GGUF file's tokenizer.ggml.tokens, scores and token_type differ in length.");
        }

        var unknownId = (int)(metadata.GetUInt32("tokenizer.ggml.unknown_token_id") ?? 0);
        if ((uint)unknownId >= (uint)pieces.Length)
        {
            throw new InvalidDataException($"The unknown token id {unknownId} is outside the vocabulary of {pieces.Length}.");
        }

        var beginningId = (int?)metadata.GetUInt32("tokenizer.ggml.bos_token_id");
        var endId = (int?)metadata.GetUInt32("tokenizer.ggml.eos_token_id");
        var paddingId = (int?)metadata.GetUInt32("tokenizer.ggml.padding_token_id");
        var charsMap = metadata.GetUInt8Array("tokenizer.ggml.precompiled_charsmap") ?? [];
        var spec = new SentencePieceSpec(
            unknownId,
            beginningId ?? -1,
            endId ?? -1,
            paddingId ?? -1,
            charsMap,
            metadata.GetBool("tokenizer.ggml.add_space_prefix") ?? true,
            metadata.GetBool("tokenizer.ggml.remove_extra_whitespaces") ?? false);

        // llama.cpp lets the search take unused pieces like normal ones; SentencePiece skips them.
        var searched = types.Select(type => type == PieceType.Unused ? PieceType.Normal : type).ToArray();
        using var proto = new MemoryStream(SentencePieceModelProto.Write(pieces, scores, searched, spec));
        var model = SentencePieceTokenizer.Create(proto, addBeginningOfSentence: false, addEndOfSentence: false);

        var special = new SpecialTokens(
            metadata.GetBool("tokenizer.ggml.add_bos_token") == false ? null : beginningId,
            metadata.GetBool("tokenizer.ggml.add_eos_token") == true ? endId : null,
            paddingId ?? unknownId,
            unknownId);
        var deleted = charsMap.Length > 0 ? DeletedCharacters.Find(PrecompiledCharsMap.Parse(charsMap)) : null;
        return new UnigramTokenizer(model, pipeline: null, deleted, spec.AddDummyPrefix && spec.RemoveExtraWhitespaces, [.. types.Select(type => type is PieceType.Control or PieceType.Unknown)], special);
    }

    /// <summary>A tokenizer.json Unigram model: every piece searchable except the unknown and the special ones.</summary>
    /// <param name="decodeDropsPrefix">The decoder drops the space the escaped prefix of the first piece stands for.</param>
    internal static UnigramTokenizer FromPieces(
        IReadOnlyList<(string Piece, float Score)> vocabulary,
        bool[] silent,
        bool byteFallback,
        TextPipeline pipeline,
        SpecialTokens special,
        bool decodeDropsPrefix)
    {
        // Normalization is the pipeline's, so the model's own normalizer settings only shape decoding.
        SentencePieceTokenizer model;
        try
        {
            model = SentencePieceTokenizer.Create(
                vocabulary,
                special.Unknown,
                addBeginningOfSentence: false,
                addEndOfSentence: false,
                addDummyPrefix: decodeDropsPrefix,
                escapeWhiteSpaces: true,
                byteFallback: byteFallback);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"The Unigram model cannot be built: {exception.Message}", exception);
        }

        return new UnigramTokenizer(model, pipeline, deleted: null, chunked: false, silent, special);
    }

    /// <summary>Splits text into piece ids.</summary>
    /// <param name="addSpecialTokens">Frame the pieces with <see cref="SpecialTokens.Start"/> and <see cref="SpecialTokens.End"/>.</param>
    public IReadOnlyList<int> Encode(string text, bool addSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<int>();
        if (addSpecialTokens && Special.Start is { } start)
        {
            result.Add(start);
        }

        if (pipeline is null)
        {
            var remaining = (deleted?.Remove(text) ?? text).AsSpan();
            while (!remaining.IsEmpty)
            {
                var length = chunked ? ChunkLength(remaining) : remaining.Length;
                AppendFused(model.EncodeToIds(remaining[..length], addBeginningOfSentence: false, addEndOfSentence: false), result);
                remaining = remaining[length..];
            }
        }
        else
        {
            var segments = new List<string>();
            pipeline.Split(text, segments);
            foreach (var segment in segments)
            {
                AppendFused(model.EncodeToIds(segment, addBeginningOfSentence: false, addEndOfSentence: false, considerNormalization: false), result);
            }
        }

        if (addSpecialTokens && Special.End is { } end)
        {
            result.Add(end);
        }

        return result;
    }

    /// <summary>
    /// Joins piece ids back into text: U+2581 becomes a space, byte pieces become their bytes, control and unknown
    /// tokens vanish (as in llama.cpp's detokenize without rendering special tokens), and the space prefix added by
    /// <see cref="Encode"/> is dropped.
    /// </summary>
    public string Decode(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)silent.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, "The id is outside the vocabulary.");
            }
        }

        return model.Decode(ids.Where(id => !silent[id]), considerSpecialTokens: false);
    }

    // The package sums piece scores in single precision from the start of each call, llama.cpp in double: over a long
    // text the rounding grows until near-ties go the other way (7 of the corpus's 7,333 norms). No piece spans a
    // U+2581, so the text is searched in chunks cut at a space between two letters or digits: the chunk's trailing
    // space goes and the next chunk's prefix gives the U+2581 back.
    private static int ChunkLength(ReadOnlySpan<char> text)
    {
        for (var cut = ChunkChars; cut < text.Length - 1; cut++)
        {
            var next = text[cut..].IndexOf(' ');
            if (next < 0)
            {
                break;
            }

            cut += next;
            if (cut + 1 < text.Length && char.IsLetterOrDigit(text[cut - 1]) && char.IsLetterOrDigit(text[cut + 1]))
            {
                return cut + 1;
            }
        }

        return text.Length;
    }

    // A run of unknown tokens is one unknown token, as llama.cpp and Hugging Face's Unigram (fuse_unk) emit it.
    private void AppendFused(IReadOnlyList<int> ids, List<int> result)
    {
        var previousUnknown = false;
        foreach (var id in ids)
        {
            var unknown = id == Special.Unknown;
            if (!(unknown && previousUnknown))
            {
                result.Add(id);
            }

            previousUnknown = unknown;
        }
    }
}
