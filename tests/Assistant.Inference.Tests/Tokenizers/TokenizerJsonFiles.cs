using System.Text.Json;
using Assistant.Inference.Llama.Gguf;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>Writes Hugging Face tokenizer.json files equivalent to GGUF vocabularies, laid out as the Hub's files are.</summary>
internal static class TokenizerJsonFiles
{
    private const int Control = 3;
    private const int Unknown = 2;
    private const string Escape = "\u2581";

    /// <summary>
    /// The WordPiece equivalent of a GGUF BERT vocabulary: "▁word" becomes "word", a bare continuation "ing" becomes
    /// "##ing"; BertNormalizer, BertPreTokenizer, [CLS] $A [SEP] (as a template or as BertProcessing).
    /// </summary>
    public static void WriteWordPiece(string path, BertVocabulary vocabulary, int maxInputCharsPerWord, bool bertProcessing = false)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("version", "1.0");
        json.WriteStartArray("added_tokens");
        foreach (var special in new[] { BertVocabulary.Pad, BertVocabulary.Unknown, BertVocabulary.Cls, BertVocabulary.Sep, BertVocabulary.Mask })
        {
            WriteAddedToken(json, vocabulary.IdOf(special), special);
        }

        json.WriteEndArray();
        json.WriteStartObject("normalizer");
        json.WriteString("type", "BertNormalizer");
        json.WriteBoolean("clean_text", true);
        json.WriteBoolean("handle_chinese_chars", true);
        json.WriteNull("strip_accents");
        json.WriteBoolean("lowercase", vocabulary.Lowercase);
        json.WriteEndObject();
        json.WriteStartObject("pre_tokenizer");
        json.WriteString("type", "BertPreTokenizer");
        json.WriteEndObject();
        if (bertProcessing)
        {
            json.WriteStartObject("post_processor");
            json.WriteString("type", "BertProcessing");
            WritePair(json, "sep", BertVocabulary.Sep, vocabulary.IdOf(BertVocabulary.Sep));
            WritePair(json, "cls", BertVocabulary.Cls, vocabulary.IdOf(BertVocabulary.Cls));
            json.WriteEndObject();
        }
        else
        {
            WriteTemplate(json, BertVocabulary.Cls, vocabulary.IdOf(BertVocabulary.Cls), BertVocabulary.Sep, vocabulary.IdOf(BertVocabulary.Sep));
        }

        json.WriteStartObject("decoder");
        json.WriteString("type", "WordPiece");
        json.WriteString("prefix", "##");
        json.WriteBoolean("cleanup", true);
        json.WriteEndObject();
        json.WriteStartObject("model");
        json.WriteString("type", "WordPiece");
        json.WriteString("unk_token", BertVocabulary.Unknown);
        json.WriteString("continuing_subword_prefix", "##");
        json.WriteNumber("max_input_chars_per_word", maxInputCharsPerWord);
        json.WriteStartObject("vocab");
        for (var id = 0; id < vocabulary.Pieces.Count; id++)
        {
            var piece = vocabulary.Pieces[id];
            var name = piece.StartsWith(Escape, StringComparison.Ordinal) ? piece[Escape.Length..]
                : piece.StartsWith('[') && piece.EndsWith(']') ? piece
                : "##" + piece;
            json.WriteNumber(name, id);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The Unigram equivalent of a GGUF unigram vocabulary with remove_extra_whitespaces and a space prefix, laid out as
    /// XLM-RoBERTa's tokenizer.json: Precompiled charsmap, WhitespaceSplit then Metaspace, &lt;s&gt; $A &lt;/s&gt;.
    /// </summary>
    public static void WriteUnigram(string path, GgufMetadata gguf)
    {
        var pieces = gguf.GetStringArray("tokenizer.ggml.tokens")!;
        var scores = gguf.GetFloat32Array("tokenizer.ggml.scores")!;
        var types = gguf.GetInt32Array("tokenizer.ggml.token_type")!;
        var bos = (int)gguf.GetUInt32("tokenizer.ggml.bos_token_id")!;
        var eos = (int)gguf.GetUInt32("tokenizer.ggml.eos_token_id")!;
        if (gguf.GetBool("tokenizer.ggml.remove_extra_whitespaces") != true || gguf.GetBool("tokenizer.ggml.add_space_prefix") != true)
        {
            throw new InvalidOperationException("Only vocabularies that remove extra whitespace and add a space prefix are converted.");
        }

        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("version", "1.0");
        json.WriteStartArray("added_tokens");
        for (var id = 0; id < pieces.Length; id++)
        {
            if (types[id] is Control or Unknown)
            {
                WriteAddedToken(json, id, pieces[id]);
            }
        }

        json.WriteEndArray();
        json.WriteStartObject("normalizer");
        json.WriteString("type", "Precompiled");
        json.WriteBase64String("precompiled_charsmap", gguf.GetUInt8Array("tokenizer.ggml.precompiled_charsmap"));
        json.WriteEndObject();
        json.WriteStartObject("pre_tokenizer");
        json.WriteString("type", "Sequence");
        json.WriteStartArray("pretokenizers");
        json.WriteStartObject();
        json.WriteString("type", "WhitespaceSplit");
        json.WriteEndObject();
        WriteMetaspace(json);
        json.WriteEndArray();
        json.WriteEndObject();
        WriteTemplate(json, pieces[bos], bos, pieces[eos], eos);
        json.WritePropertyName("decoder");
        WriteMetaspace(json);
        json.WriteStartObject("model");
        json.WriteString("type", "Unigram");
        json.WriteNumber("unk_id", (int)gguf.GetUInt32("tokenizer.ggml.unknown_token_id")!);
        json.WriteStartArray("vocab");
        for (var id = 0; id < pieces.Length; id++)
        {
            json.WriteStartArray();
            json.WriteStringValue(pieces[id]);
            json.WriteNumberValue(scores[id]);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteBoolean("byte_fallback", false);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAddedToken(Utf8JsonWriter json, int id, string content)
    {
        json.WriteStartObject();
        json.WriteNumber("id", id);
        json.WriteString("content", content);
        json.WriteBoolean("single_word", false);
        json.WriteBoolean("lstrip", false);
        json.WriteBoolean("rstrip", false);
        json.WriteBoolean("normalized", false);
        json.WriteBoolean("special", true);
        json.WriteEndObject();
    }

    private static void WriteMetaspace(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "Metaspace");
        json.WriteString("replacement", Escape);
        json.WriteString("prepend_scheme", "always");
        json.WriteBoolean("split", true);
        json.WriteEndObject();
    }

    private static void WritePair(Utf8JsonWriter json, string name, string token, int id)
    {
        json.WriteStartArray(name);
        json.WriteStringValue(token);
        json.WriteNumberValue(id);
        json.WriteEndArray();
    }

    private static void WriteTemplate(Utf8JsonWriter json, string start, int startId, string end, int endId)
    {
        json.WriteStartObject("post_processor");
        json.WriteString("type", "TemplateProcessing");
        json.WriteStartArray("single");
        WriteTemplatePart(json, "SpecialToken", start);
        WriteTemplatePart(json, "Sequence", "A");
        WriteTemplatePart(json, "SpecialToken", end);
        json.WriteEndArray();
        json.WriteStartArray("pair");
        WriteTemplatePart(json, "SpecialToken", start);
        WriteTemplatePart(json, "Sequence", "A");
        WriteTemplatePart(json, "SpecialToken", end);
        WriteTemplatePart(json, "Sequence", "B");
        WriteTemplatePart(json, "SpecialToken", end);
        json.WriteEndArray();
        json.WriteStartObject("special_tokens");
        foreach (var (token, id) in new[] { (start, startId), (end, endId) })
        {
            json.WriteStartObject(token);
            json.WriteString("id", token);
            json.WriteStartArray("ids");
            json.WriteNumberValue(id);
            json.WriteEndArray();
            json.WriteStartArray("tokens");
            json.WriteStringValue(token);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTemplatePart(Utf8JsonWriter json, string kind, string id)
    {
        json.WriteStartObject();
        json.WriteStartObject(kind);
        json.WriteString("id", id);
        json.WriteNumber("type_id", 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
