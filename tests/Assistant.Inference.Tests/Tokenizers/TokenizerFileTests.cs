using System.Text.Json.Nodes;
using Assistant.Inference.Tokenizers;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Tokenizers;

public sealed class TokenizerFileTests : IDisposable
{
    private readonly SmallTokenizerJson files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void A_tokenizer_json_loads_as_the_tokenizer_its_model_names()
    {
        Assert.IsType<WordPieceTokenizer>(TokenizerFile.Load(files.WordPiece()));
        Assert.IsType<UnigramTokenizer>(TokenizerFile.Load(files.Unigram()));
    }

    [Fact]
    public void A_bert_gguf_loads_as_a_wordpiece_tokenizer()
    {
        var path = files.WriteText("bert.gguf", string.Empty);
        BertVocabulary.Build(["Закон о языках", "Language law"], lowercase: true).WriteGguf(path);

        var tokenizer = Assert.IsType<WordPieceTokenizer>(TokenizerFile.Load(path));
        Assert.NotEqual(tokenizer.Special.Unknown, tokenizer.Encode("закон", addSpecialTokens: false).Single());
    }

    [SharedFact]
    public void A_gguf_of_another_tokenizer_model_is_refused_with_its_name()
    {
        var path = SharedData.Path("models", "ggml-vocab-llama-bpe.gguf");

        var error = Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(path));
        Assert.Contains("'gpt2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_neither_gguf_nor_json_is_refused()
    {
        var path = files.WriteText("vocab.txt", "[PAD]\n[UNK]\n");

        var error = Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_as_missing()
    {
        Assert.Throws<FileNotFoundException>(() => TokenizerFile.Load(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.gguf")));
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var path = files.WriteText("tokenizer.json", "{ not json");

        Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(path));
    }

    [Fact]
    public void An_unsupported_normalizer_is_refused_with_its_json_path_and_value()
    {
        var path = files.Unigram(root => ((JsonArray)root["normalizer"]!["normalizers"]!)[1] = new JsonObject { ["type"] = "ByteLevel" });

        var error = Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(path));
        Assert.Contains("$.normalizer.normalizers[1].type", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ByteLevel'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_model_is_refused_with_its_json_path_and_value()
    {
        var path = files.WordPiece(change: root => root["model"]!["type"] = "BPE");

        var error = Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(path));
        Assert.Contains("$.model.type", error.Message, StringComparison.Ordinal);
        Assert.Contains("'BPE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_pre_tokenizer_is_refused_with_its_json_path_and_value()
    {
        var path = files.WordPiece(change: root => root["pre_tokenizer"] = new JsonObject { ["type"] = "ByteLevel" });

        var error = Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(path));
        Assert.Contains("$.pre_tokenizer.type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_token_missing_from_the_vocabulary_is_refused_with_its_json_path()
    {
        var path = files.WordPiece(change: root => root["model"]!["unk_token"] = "<unk>");

        var error = Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(path));
        Assert.Contains("$.model.unk_token", error.Message, StringComparison.Ordinal);
        Assert.Contains("'<unk>'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_wordpiece_json_as_unigram_is_refused_with_the_model_type()
    {
        var path = files.WordPiece();

        var error = Assert.Throws<InvalidDataException>(() => UnigramTokenizer.FromTokenizerJson(path));
        Assert.Contains("'WordPiece'", error.Message, StringComparison.Ordinal);
    }
}
