using System.Text;
using Assistant.Inference.Llama.Gguf;
using Assistant.Inference.Tokenizers.HuggingFace;

namespace Assistant.Inference.Tokenizers;

/// <summary>
/// WordPiece tokenizer of the BERT family: text is normalized and split into words (<see cref="IWordSplitter"/>), and
/// each word is cut greedily into the longest vocabulary pieces from its start; a word that cannot be cut becomes one
/// unknown token. Read from a GGUF vocabulary it matches llama.cpp's <c>llm_tokenizer_wpm</c>; read from a Hugging Face
/// tokenizer.json it follows BertNormalizer, BertPreTokenizer and the WordPiece model.
/// </summary>
public sealed class WordPieceTokenizer : ITextTokenizer
{
    private const string EscapedSpace = "\u2581";

    private readonly string[] pieces;
    private readonly bool[] skippedInDecode;
    private readonly ByteTrie trie;
    private readonly IWordSplitter splitter;
    private readonly PieceMarking marking;
    private readonly string prefix;
    private readonly byte[] wordPrefixBytes;
    private readonly int continuationRoot;
    private readonly int? maxInputCharsPerWord;

    /// <param name="pieces">Vocabulary by id.</param>
    /// <param name="skippedInDecode">Ids Decode leaves out: special and unknown tokens.</param>
    /// <param name="prefix">U+2581 for <see cref="PieceMarking.WordInitialPrefix"/>, the continuation prefix otherwise.</param>
    /// <param name="maxInputCharsPerWord">Longer words become the unknown token; null: no limit (llama.cpp has none).</param>
    internal WordPieceTokenizer(
        string[] pieces,
        bool[] skippedInDecode,
        IWordSplitter splitter,
        PieceMarking marking,
        string prefix,
        int? maxInputCharsPerWord,
        SpecialTokens special)
    {
        foreach (var id in new[] { special.Start, special.End, special.Padding, special.Unknown })
        {
            if (id is { } value && (uint)value >= (uint)pieces.Length)
            {
                throw new InvalidDataException($"The special token id {value} is outside the vocabulary of {pieces.Length}.");
            }
        }

        this.pieces = pieces;
        this.skippedInDecode = skippedInDecode;
        this.splitter = splitter;
        this.marking = marking;
        this.prefix = prefix;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        Special = special;
        trie = ByteTrie.Build([.. pieces.Select((piece, id) => (Encoding.UTF8.GetBytes(piece), id))]);
        wordPrefixBytes = marking == PieceMarking.WordInitialPrefix ? Encoding.UTF8.GetBytes(prefix) : [];
        continuationRoot = marking == PieceMarking.WordInitialPrefix ? ByteTrie.Root : Walk(trie, Encoding.UTF8.GetBytes(prefix));
    }

    public int VocabularySize => pieces.Length;

    public SpecialTokens Special { get; }

    /// <summary>Loads the tokenizer from a GGUF file whose tokenizer.ggml.model is "bert" (a vocab-only one is enough).</summary>
    /// <exception cref="InvalidDataException">The file is not GGUF or has no WordPiece vocabulary.</exception>
    public static WordPieceTokenizer FromGguf(string path)
    {
        var metadata = GgufMetadata.Read(path);
        var kind = metadata.GetString("tokenizer.ggml.model");
        return kind == "bert"
            ? FromGguf(metadata)
            : throw new InvalidDataException($"'{path}' has tokenizer model '{kind}', not a WordPiece ('bert') one.");
    }

    /// <summary>Loads the tokenizer from a Hugging Face tokenizer.json whose model is WordPiece.</summary>
    /// <exception cref="InvalidDataException">The file is not such a tokenizer.json, or uses a component not supported here.</exception>
    public static WordPieceTokenizer FromTokenizerJson(string path) => TokenizerJson.LoadWordPiece(path);

    internal static WordPieceTokenizer FromGguf(GgufMetadata metadata)
    {
        var pieces = metadata.GetStringArray("tokenizer.ggml.tokens")
            ?? throw new InvalidDataException("The GGUF file has no tokenizer.ggml.tokens.");
        var types = metadata.GetInt32Array("tokenizer.ggml.token_type") ?? Enumerable.Repeat(PieceType.Normal, pieces.Length).ToArray();
        if (types.Length != pieces.Length)
        {
            throw new InvalidDataException("The GGUF tokenizer arrays differ in length.");
        }

        // llama.cpp's defaults for BERT vocabularies, each dropped when outside the vocabulary.
        int? Id(string key, int fallback) =>
            metadata.GetUInt32(key) is { } id && id < pieces.Length ? (int)id : fallback < pieces.Length ? fallback : null;

        var unknown = Id("tokenizer.ggml.unknown_token_id", 100)
            ?? throw new InvalidDataException("The GGUF WordPiece vocabulary has no unknown token.");
        var special = new SpecialTokens(
            Id("tokenizer.ggml.bos_token_id", 101),
            Id("tokenizer.ggml.seperator_token_id", 102),
            Id("tokenizer.ggml.padding_token_id", 0) ?? unknown,
            unknown);
        var lowercase = metadata.GetBool("tokenizer.ggml.normalizer.lowercase") ?? false;
        var stripAccents = metadata.GetBool("tokenizer.ggml.normalizer.strip_accents") ?? lowercase;
        return new WordPieceTokenizer(
            pieces,
            [.. types.Select(type => type != PieceType.Normal && type != PieceType.UserDefined)],
            new LlamaBertWordSplitter(lowercase, stripAccents),
            PieceMarking.WordInitialPrefix,
            EscapedSpace,
            maxInputCharsPerWord: null,
            special);
    }

    /// <summary>Splits text into piece ids.</summary>
    /// <param name="addSpecialTokens">Frame the pieces with <see cref="SpecialTokens.Start"/> and <see cref="SpecialTokens.End"/> ([CLS] … [SEP]).</param>
    public IReadOnlyList<int> Encode(string text, bool addSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<int>();
        if (addSpecialTokens && Special.Start is { } start)
        {
            result.Add(start);
        }

        var words = new ByteBuffer(text.Length * 3);
        var wordEnds = new List<int>();
        var scratch = new ByteBuffer(64);
        try
        {
            splitter.Split(text, ref words, wordEnds);
            var wordStart = 0;
            foreach (var wordEnd in wordEnds)
            {
                AppendWord(words.Written[wordStart..wordEnd], ref scratch, result);
                wordStart = wordEnd;
            }
        }
        finally
        {
            words.Dispose();
            scratch.Dispose();
        }

        if (addSpecialTokens && Special.End is { } end)
        {
            result.Add(end);
        }

        return result;
    }

    /// <summary>
    /// Joins piece ids back into text, leaving out special and unknown tokens. GGUF vocabularies decode as llama.cpp's
    /// detokenize (U+2581 becomes a space, then spaces before . , ! ? are cleaned up); tokenizer.json ones as Hugging
    /// Face's WordPiece decoder (pieces joined by spaces, continuations glued on, the same clean-up).
    /// </summary>
    public string Decode(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var kept = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)pieces.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, "The id is outside the vocabulary.");
            }

            if (!skippedInDecode[id])
            {
                kept.Add(pieces[id]);
            }
        }

        return marking == PieceMarking.WordInitialPrefix
            ? WordPieceDecoding.LlamaCpp(kept, prefix)
            : WordPieceDecoding.HuggingFace(kept, prefix);
    }

    // Greedy longest match from the start of the word; as in both llama.cpp and Hugging Face, a word with any
    // uncovered position becomes a single unknown token.
    private void AppendWord(ReadOnlySpan<byte> word, ref ByteBuffer scratch, List<int> result)
    {
        if (maxInputCharsPerWord is { } limit && CodePointCount(word) > limit)
        {
            result.Add(Special.Unknown);
            return;
        }

        var bytes = word;
        if (wordPrefixBytes.Length > 0)
        {
            scratch.Clear();
            scratch.Append(wordPrefixBytes);
            scratch.Append(word);
            bytes = scratch.Written;
        }

        var first = result.Count;
        for (var start = 0; start < bytes.Length;)
        {
            var node = start == 0 ? ByteTrie.Root : continuationRoot;
            var longest = 0;
            var longestId = -1;
            for (var i = start; node >= 0 && i < bytes.Length; i++)
            {
                node = trie.Child(node, bytes[i]);
                if (node >= 0 && trie.Value(node) >= 0)
                {
                    longest = i + 1 - start;
                    longestId = trie.Value(node);
                }
            }

            if (longestId < 0)
            {
                result.RemoveRange(first, result.Count - first);
                result.Add(Special.Unknown);
                return;
            }

            result.Add(longestId);
            start += longest;
        }
    }

    private static int CodePointCount(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return count;
    }

    private static int Walk(ByteTrie trie, byte[] key)
    {
        var node = ByteTrie.Root;
        for (var i = 0; i < key.Length && node >= 0; i++)
        {
            node = trie.Child(node, key[i]);
        }

        return node;
    }
}
