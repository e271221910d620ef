using Assistant.Inference.Llama.Gguf;
using Assistant.Inference.Tokenizers;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Tokenizers;

public class UnigramTokenizerJsonTests(UnigramTokenizerJsonTests.Converted converted) : IClassFixture<UnigramTokenizerJsonTests.Converted>
{
    private const string NextLine = "\u0085";

    [SharedFact]
    public void A_converted_tokenizer_json_tokenizes_corpus_paragraphs_as_the_gguf_does()
    {
        var paragraphs = CorpusSample.Paragraphs;

        var differing = paragraphs.Where(paragraph =>
            !converted.FromGguf.Encode(paragraph, addSpecialTokens: true).SequenceEqual(converted.FromJson.Encode(paragraph, addSpecialTokens: true))).ToList();

        Assert.True(paragraphs.Count > 2_000, $"only {paragraphs.Count} paragraphs were read");
        Assert.True(differing.Count == 0, $"{differing.Count} of {paragraphs.Count} paragraphs differ, e.g. «{differing.FirstOrDefault()}»");
    }

    [SharedFact]
    public void A_converted_tokenizer_json_tokenizes_seeded_odd_strings_as_the_gguf_does()
    {
        // Runs of one letter are left out: their segmentations tie exactly, and the package's single-precision sums
        // break the tie by where the search started, which differs between one search per word and per chunk.
        var texts = OddText.Generate(seed: 5, count: 3_000, includeWholeBmp: true, allowed: piece => piece != NextLine, longWords: false);

        var differing = texts.Where(text =>
            !converted.FromGguf.Encode(text, addSpecialTokens: true).SequenceEqual(converted.FromJson.Encode(text, addSpecialTokens: true))).ToList();

        Assert.True(differing.Count == 0, $"{differing.Count} of {texts.Count} differ, e.g. {OddText.Escape(differing.FirstOrDefault() ?? string.Empty)}");
    }

    [SharedFact]
    public void Next_line_separates_words_in_tokenizer_json_but_not_in_llama_cpp_which_keeps_it_inside_the_word()
    {
        // Known divergence: the charsmap leaves U+0085 alone; llama.cpp only splits on the spaces it produces, while
        // WhitespaceSplit splits on every White_Space character.
        var text = $"кодекс{NextLine}статья";

        Assert.NotEqual(converted.FromGguf.Encode(text, addSpecialTokens: false), converted.FromJson.Encode(text, addSpecialTokens: false));
        Assert.Equal(converted.FromGguf.Encode("кодекс статья", addSpecialTokens: false), converted.FromJson.Encode(text, addSpecialTokens: false));
    }

    [SharedTheory]
    [MemberData(nameof(UnigramTokenizerTests.LegalSentences), MemberType = typeof(UnigramTokenizerTests))]
    public void A_converted_tokenizer_json_encodes_and_decodes_as_the_gguf_does(string text)
    {
        var ids = converted.FromGguf.Encode(text, addSpecialTokens: true);

        Assert.Equal(ids, converted.FromJson.Encode(text, addSpecialTokens: true));
        Assert.Equal(converted.FromGguf.Decode(ids), converted.FromJson.Decode(ids));
    }

    [SharedFact]
    public void A_converted_tokenizer_json_has_the_ggufs_vocabulary_and_special_tokens()
    {
        Assert.Equal(converted.FromGguf.VocabularySize, converted.FromJson.VocabularySize);
        Assert.Equal(converted.FromGguf.Special, converted.FromJson.Special);
    }

    [SharedFact]
    public void Tokenizer_file_loads_both_forms_as_unigram_tokenizers()
    {
        Assert.IsType<UnigramTokenizer>(TokenizerFile.Load(Converted.GgufPath));
        Assert.IsType<UnigramTokenizer>(TokenizerFile.Load(converted.JsonPath));
    }

    /// <summary>ggml-vocab-nomic-bert-moe.gguf and the tokenizer.json converted from it, loaded once for the class.</summary>
    public sealed class Converted : IDisposable
    {
        private readonly string directory = Directory.CreateTempSubdirectory("unigram-json-").FullName;
        private readonly Lazy<UnigramTokenizer> fromGguf;
        private readonly Lazy<UnigramTokenizer> fromJson;

        public Converted()
        {
            JsonPath = Path.Combine(directory, "tokenizer.json");
            fromGguf = new(() => UnigramTokenizer.FromGguf(GgufPath));
            fromJson = new(() =>
            {
                TokenizerJsonFiles.WriteUnigram(JsonPath, GgufMetadata.Read(GgufPath));
                return UnigramTokenizer.FromTokenizerJson(JsonPath);
            });
        }

        public static string GgufPath => SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf");

        public string JsonPath { get; }

        public UnigramTokenizer FromGguf => fromGguf.Value;

        public UnigramTokenizer FromJson => fromJson.Value;

        public void Dispose() => Directory.Delete(directory, recursive: true);
    }
}
