using System.Globalization;
using System.Text;
using Assistant.Inference.Llama.Gguf;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>
/// A deterministic WordPiece vocabulary in GGUF form (word-initial pieces prefixed with U+2581, continuations bare):
/// the most frequent words, word starts and word endings of a text sample, plus single characters of the Latin,
/// Russian and Kazakh alphabets, digits and punctuation.
/// </summary>
internal sealed class BertVocabulary
{
    public const string Pad = "[PAD]";
    public const string Unknown = "[UNK]";
    public const string Cls = "[CLS]";
    public const string Sep = "[SEP]";
    public const string Mask = "[MASK]";

    private const string Escape = "\u2581";
    private const string Alphabet =
        "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі0123456789中国法";

    private const string Punctuation = ".,;:!?()[]{}<>«»\"'—–-/\\№%$+=^`|~_@#&*…";

    private BertVocabulary(IReadOnlyList<string> pieces, bool lowercase)
    {
        Pieces = pieces;
        Lowercase = lowercase;
    }

    /// <summary>Pieces by id; the special tokens come first, as [PAD] [UNK] [CLS] [SEP] [MASK].</summary>
    public IReadOnlyList<string> Pieces { get; }

    public bool Lowercase { get; }

    public static BertVocabulary Build(IEnumerable<string> sample, bool lowercase, int words = 3_000, int affixes = 1_500)
    {
        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in sample)
        {
            foreach (var word in Words(lowercase ? Fold(text) : text))
            {
                wordCounts[word] = wordCounts.GetValueOrDefault(word) + 1;
            }
        }

        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        var endings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, count) in wordCounts)
        {
            for (var length = 2; length <= Math.Min(6, word.Length - 1); length++)
            {
                starts[word[..length]] = starts.GetValueOrDefault(word[..length]) + count;
                endings[word[^length..]] = endings.GetValueOrDefault(word[^length..]) + count;
            }
        }

        var pieces = new List<string> { Pad, Unknown, Cls, Sep, Mask };
        var seen = new HashSet<string>(pieces, StringComparer.Ordinal);
        void Add(string piece)
        {
            if (seen.Add(piece))
            {
                pieces.Add(piece);
            }
        }

        var characters = (lowercase ? Alphabet : Alphabet + Alphabet.ToUpperInvariant()).Select(c => c.ToString());
        foreach (var character in characters)
        {
            Add(Escape + character);
            Add(character);
        }

        foreach (var mark in Punctuation)
        {
            Add(Escape + mark);
        }

        foreach (var word in MostFrequent(wordCounts, words))
        {
            Add(Escape + word);
        }

        foreach (var start in MostFrequent(starts, affixes))
        {
            Add(Escape + start);
        }

        foreach (var ending in MostFrequent(endings, affixes))
        {
            Add(ending);
        }

        return new BertVocabulary(pieces, lowercase);
    }

    /// <summary>Writes a vocab-only GGUF with tokenizer.ggml.model "bert", as convert_hf_to_gguf would for BERT.</summary>
    public void WriteGguf(string path)
    {
        var writer = new GgufWriter();
        writer.AddString("general.architecture", "bert");
        writer.AddString("general.name", "test-wordpiece");
        writer.AddUInt32("bert.context_length", 512);
        writer.AddUInt32("bert.embedding_length", 384);
        writer.AddUInt32("bert.feed_forward_length", 1536);
        writer.AddUInt32("bert.block_count", 12);
        writer.AddUInt32("bert.attention.head_count", 12);
        writer.AddFloat32("bert.attention.layer_norm_epsilon", 1e-12f);
        writer.AddRaw("bert.attention.causal", GgufValues.Bool(false));
        writer.AddUInt32("bert.pooling_type", 2);
        writer.AddString("tokenizer.ggml.model", "bert");
        writer.AddString("tokenizer.ggml.pre", "default");
        writer.AddRaw("tokenizer.ggml.tokens", GgufValues.Strings(Pieces));
        writer.AddRaw("tokenizer.ggml.token_type", GgufValues.Int32s([.. Pieces.Select(TokenType)]));
        writer.AddRaw("tokenizer.ggml.normalizer.lowercase", GgufValues.Bool(Lowercase));
        writer.AddUInt32("tokenizer.ggml.padding_token_id", (uint)IdOf(Pad));
        writer.AddUInt32("tokenizer.ggml.unknown_token_id", (uint)IdOf(Unknown));
        writer.AddUInt32("tokenizer.ggml.bos_token_id", (uint)IdOf(Cls));
        writer.AddUInt32("tokenizer.ggml.cls_token_id", (uint)IdOf(Cls));
        writer.AddUInt32("tokenizer.ggml.seperator_token_id", (uint)IdOf(Sep));
        writer.AddUInt32("tokenizer.ggml.mask_token_id", (uint)IdOf(Mask));
        writer.Write(path);
    }

    public int IdOf(string piece) => Pieces.ToList().IndexOf(piece);

    // llama_token_type: [UNK] unknown (2), the other bracketed specials control (3), the rest normal (1).
    private static int TokenType(string piece) => piece switch
    {
        Unknown => 2,
        Pad or Cls or Sep or Mask => 3,
        _ => 1,
    };

    private static IEnumerable<string> MostFrequent(Dictionary<string, int> counts, int take) =>
        counts.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal).Take(take).Select(entry => entry.Key);

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    // Lowercase with accents stripped, as an uncased BERT vocabulary is built.
    private static string Fold(string text) =>
        new([.. text.Normalize(NormalizationForm.FormD).ToLowerInvariant()
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
}
