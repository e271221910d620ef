using System.Text;
using Assistant.Inference.Llama.Gguf;
using Assistant.Inference.Tokenizers.HuggingFace;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// SentencePiece unigram (UGM) tokenizer of the XLM-RoBERTa family (multilingual-e5, BGE-M3, nomic xlm): text is
/// normalized and pre-tokenized (<see cref="IUnigramPreTokenizer"/>), then a Viterbi search over UTF-8 bytes picks the
/// pieces with the highest total score (<see cref="UnigramModel"/>). Read from a GGUF vocabulary it matches llama.cpp's
/// <c>llm_tokenizer_ugm</c>; read from a Hugging Face tokenizer.json it follows that file's pipeline.
/// </summary>
public sealed class UnigramTokenizer : ITextTokenizer
{
    private readonly UnigramModel model;
    private readonly IUnigramPreTokenizer preTokenizer;
    private readonly bool stripDecodedPrefix;

    /// <param name="stripDecodedPrefix">Drop the space the escaped prefix of the first piece decodes to.</param>
    internal UnigramTokenizer(UnigramModel model, IUnigramPreTokenizer preTokenizer, SpecialTokens special, bool stripDecodedPrefix)
    {
        this.model = model;
        this.preTokenizer = preTokenizer;
        this.stripDecodedPrefix = stripDecodedPrefix;
        Special = special;
    }

    /// <summary>Number of pieces in the vocabulary, special ones included.</summary>
    public int VocabularySize => model.Count;

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
        var unknownId = (int)(metadata.GetUInt32("tokenizer.ggml.unknown_token_id") ?? 0);
        var model = new UnigramModel(pieces, scores, types, unknownId, byteFallback: false);

        var userEntries = model.PiecesOfType(PieceType.UserDefined);
        var charsMap = metadata.GetUInt8Array("tokenizer.ggml.precompiled_charsmap") is { Length: > 0 } blob
            ? PrecompiledCharsMap.Parse(blob)
            : null;
        var addSpacePrefix = metadata.GetBool("tokenizer.ggml.add_space_prefix") ?? true;
        var normalizer = new SentencePieceNormalizer(
            charsMap,
            userEntries.Count > 0 ? ByteTrie.Build(userEntries) : null,
            addSpacePrefix,
            metadata.GetBool("tokenizer.ggml.remove_extra_whitespaces") ?? false);

        var special = new SpecialTokens(
            metadata.GetBool("tokenizer.ggml.add_bos_token") == false ? null : (int?)metadata.GetUInt32("tokenizer.ggml.bos_token_id"),
            metadata.GetBool("tokenizer.ggml.add_eos_token") == true ? (int?)metadata.GetUInt32("tokenizer.ggml.eos_token_id") : null,
            (int)(metadata.GetUInt32("tokenizer.ggml.padding_token_id") ?? (uint)unknownId),
            unknownId);
        return new UnigramTokenizer(model, normalizer, special, addSpacePrefix);
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

        var normalized = new ByteBuffer(text.Length * 4);
        var segmentEnds = new List<int>();
        try
        {
            preTokenizer.Prepare(text, ref normalized, segmentEnds);
            var written = normalized.Written;
            var segmentStart = 0;
            foreach (var segmentEnd in segmentEnds)
            {
                model.AppendBestPath(written[segmentStart..segmentEnd], result);
                segmentStart = segmentEnd;
            }
        }
        finally
        {
            normalized.Dispose();
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
        var text = new List<byte>();
        var stripSpace = stripDecodedPrefix;
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)model.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, "The id is outside the vocabulary.");
            }

            var piece = model.Type(id) switch
            {
                PieceType.Normal => Encoding.UTF8.GetBytes(model.Piece(id).Replace('\u2581', ' ')),
                PieceType.UserDefined => Encoding.UTF8.GetBytes(model.Piece(id)),
                PieceType.Byte => [Convert.ToByte(model.Piece(id)[3..5], 16)],
                _ => null,
            };
            if (piece is null)
            {
                continue;
            }

            text.AddRange(stripSpace && piece is [(byte)' ', ..] ? piece.AsSpan(1) : piece);
            stripSpace = false;
        }

        return Encoding.UTF8.GetString([.. text]);
    }
}
