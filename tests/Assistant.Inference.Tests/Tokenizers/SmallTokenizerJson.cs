using System.Globalization;
using System.Text.Json.Nodes;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>Small hand-written tokenizer.json files, each in its own temporary folder, for rule tests.</summary>
internal sealed class SmallTokenizerJson : IDisposable
{
    private static readonly string[] WordPieceVocabulary =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "##s", "un", "##aff", "##able", ",", ".", "!",
        "中", "国", "cafe", "café", "naive", "the", "law", "##ful", "i", "Hello", "$", "5",
    ];

    private static readonly (string Piece, double Score)[] UnigramVocabulary =
    [
        ("<s>", 0), ("<pad>", 0), ("</s>", 0), ("<unk>", 0), ("\u2581", -3), ("\u2581hello", -5), ("\u2581world", -6),
        ("\u2581wor", -8), ("ld", -8), ("h", -9), ("e", -9), ("l", -9), ("o", -9), ("w", -9), ("r", -9), ("d", -9),

        // Byte fallback needs a piece for every byte, in order.
        .. Enumerable.Range(0, 256).Select(value => (string.Create(CultureInfo.InvariantCulture, $"<0x{value:X2}>"), -20.0)),
    ];

    private readonly string directory = Directory.CreateTempSubdirectory("tokenizer-json-").FullName;

    /// <summary>The id <see cref="WordPiece"/> gives a piece.</summary>
    public static int WordPieceId(string piece) => Array.IndexOf(WordPieceVocabulary, piece);

    /// <summary>The id <see cref="Unigram"/> gives a piece.</summary>
    public static int UnigramId(string piece) => Array.FindIndex(UnigramVocabulary, entry => entry.Piece == piece);

    /// <summary>A BERT-style WordPiece tokenizer.json; <paramref name="change"/> edits the JSON before it is written.</summary>
    public string WordPiece(bool lowercase = true, bool? stripAccents = null, int maxInputCharsPerWord = 100, Action<JsonObject>? change = null)
    {
        var vocab = new JsonObject();
        for (var id = 0; id < WordPieceVocabulary.Length; id++)
        {
            vocab[WordPieceVocabulary[id]] = id;
        }

        var root = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray([.. WordPieceVocabulary.Take(5).Select((token, id) => new JsonObject { ["id"] = id, ["content"] = token, ["special"] = true })]),
            ["normalizer"] = new JsonObject
            {
                ["type"] = "BertNormalizer",
                ["clean_text"] = true,
                ["handle_chinese_chars"] = true,
                ["strip_accents"] = stripAccents,
                ["lowercase"] = lowercase,
            },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "BertPreTokenizer" },
            ["post_processor"] = new JsonObject
            {
                ["type"] = "TemplateProcessing",
                ["single"] = new JsonArray(
                    new JsonObject { ["SpecialToken"] = new JsonObject { ["id"] = "[CLS]", ["type_id"] = 0 } },
                    new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A", ["type_id"] = 0 } },
                    new JsonObject { ["SpecialToken"] = new JsonObject { ["id"] = "[SEP]", ["type_id"] = 0 } }),
                ["special_tokens"] = new JsonObject
                {
                    ["[CLS]"] = new JsonObject { ["id"] = "[CLS]", ["ids"] = new JsonArray(2), ["tokens"] = new JsonArray("[CLS]") },
                    ["[SEP]"] = new JsonObject { ["id"] = "[SEP]", ["ids"] = new JsonArray(3), ["tokens"] = new JsonArray("[SEP]") },
                },
            },
            ["decoder"] = new JsonObject { ["type"] = "WordPiece", ["prefix"] = "##", ["cleanup"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "WordPiece",
                ["unk_token"] = "[UNK]",
                ["continuing_subword_prefix"] = "##",
                ["max_input_chars_per_word"] = maxInputCharsPerWord,
                ["vocab"] = vocab,
            },
        };
        change?.Invoke(root);
        return Write(root);
    }

    /// <summary>An XLM-R-style Unigram tokenizer.json (no charsmap); <paramref name="change"/> edits it before writing.</summary>
    public string Unigram(Action<JsonObject>? change = null)
    {
        var root = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray([.. UnigramVocabulary.Take(4).Select(entry => entry.Piece).Select((token, id) => new JsonObject { ["id"] = id, ["content"] = token, ["special"] = true })]),
            ["normalizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["normalizers"] = new JsonArray(
                    new JsonObject { ["type"] = "NFKC" },
                    new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["Regex"] = " {2,}" }, ["content"] = " " },
                    new JsonObject { ["type"] = "Strip", ["strip_left"] = true, ["strip_right"] = true }),
            },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "\u2581", ["add_prefix_space"] = true },
            ["post_processor"] = new JsonObject { ["type"] = "RobertaProcessing", ["sep"] = new JsonArray("</s>", 2), ["cls"] = new JsonArray("<s>", 0) },
            ["decoder"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "\u2581", ["add_prefix_space"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "Unigram",
                ["unk_id"] = 3,
                ["vocab"] = new JsonArray([.. UnigramVocabulary.Select(entry => new JsonArray(entry.Piece, entry.Score))]),
            },
        };
        change?.Invoke(root);
        return Write(root);
    }

    public string WriteText(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(JsonObject root) => WriteText($"{Guid.NewGuid():N}.tokenizer.json", root.ToJsonString());
}
