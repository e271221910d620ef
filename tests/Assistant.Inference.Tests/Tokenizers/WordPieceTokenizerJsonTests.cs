using Assistant.Inference.Tokenizers;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>
/// A WordPiece tokenizer.json against the equivalent GGUF, where Hugging Face and llama.cpp semantics agree, and the
/// places where they are known to differ.
/// </summary>
public class WordPieceTokenizerJsonTests(WordPieceVocabularies vocabularies) : IClassFixture<WordPieceVocabularies>
{
    // Where the two semantics differ: Hangul syllables, vertical tab, form feed and next line (see the tests below); İ
    // and a word-final Σ, which Rust's full lowercasing maps to i + dot and ς; and U+2581 inside a word, which a GGUF
    // vocabulary cannot tell from the start of a word-initial piece.
    private static readonly string[] Divergent = ["가", "힣", "\v", "\f", "\u0085", "İ", "Σ", "\u2581"];

    public static TheoryData<string> Variants => ["uncased", "cased"];

    [SharedTheory]
    [MemberData(nameof(Variants))]
    public void A_tokenizer_json_tokenizes_corpus_paragraphs_as_the_equivalent_gguf_does(string variant)
    {
        var vocabulary = vocabularies[variant];
        var paragraphs = CorpusSample.Paragraphs;

        var differing = paragraphs.Where(paragraph =>
            !vocabulary.Tokenizer.Encode(paragraph, addSpecialTokens: true).SequenceEqual(vocabulary.FromJson.Encode(paragraph, addSpecialTokens: true))).ToList();

        Assert.True(paragraphs.Count > 2_000, $"only {paragraphs.Count} paragraphs were read");
        Assert.True(differing.Count == 0, $"{differing.Count} of {paragraphs.Count} paragraphs differ, e.g. «{differing.FirstOrDefault()}»");
    }

    [SharedTheory]
    [MemberData(nameof(Variants))]
    public void A_tokenizer_json_tokenizes_seeded_odd_strings_as_the_equivalent_gguf_does_where_the_semantics_agree(string variant)
    {
        var vocabulary = vocabularies[variant];
        var texts = OddText.Generate(seed: 3, count: 3_000, includeWholeBmp: false, allowed: piece => !Divergent.Contains(piece));

        var differing = texts.Where(text =>
            !vocabulary.Tokenizer.Encode(text, addSpecialTokens: true).SequenceEqual(vocabulary.FromJson.Encode(text, addSpecialTokens: true))).ToList();

        Assert.True(differing.Count == 0, $"{differing.Count} of {texts.Count} differ, e.g. {OddText.Escape(differing.FirstOrDefault() ?? string.Empty)}");
    }

    [SharedTheory]
    [MemberData(nameof(Variants))]
    public void A_tokenizer_json_has_the_ggufs_vocabulary_size_and_special_tokens(string variant)
    {
        var vocabulary = vocabularies[variant];

        Assert.Equal(vocabulary.Tokenizer.VocabularySize, vocabulary.FromJson.VocabularySize);
        Assert.Equal(vocabulary.Tokenizer.Special, vocabulary.FromJson.Special);
    }

    [SharedFact]
    public void Hangul_syllables_keep_their_vowel_in_tokenizer_json_but_llama_cpp_keeps_only_the_first_jamo()
    {
        // llama.cpp's NFD keeps the first code point of each decomposition; Hugging Face decomposes fully.
        var vocabulary = vocabularies.Uncased;

        Assert.Equal(vocabulary.Tokenizer.Encode("\u1100", addSpecialTokens: false), vocabulary.Tokenizer.Encode("가", addSpecialTokens: false));
        Assert.Equal(vocabulary.FromJson.Encode("\u1100\u1161", addSpecialTokens: false), vocabulary.FromJson.Encode("가", addSpecialTokens: false));
    }

    [SharedFact]
    public void A_vertical_tab_separates_words_in_llama_cpp_but_is_dropped_as_a_control_in_tokenizer_json()
    {
        var vocabulary = vocabularies.Uncased;

        Assert.Equal(vocabulary.Tokenizer.Encode("кодекс статья", addSpecialTokens: false), vocabulary.Tokenizer.Encode("кодекс\vстатья", addSpecialTokens: false));
        Assert.Equal(vocabulary.FromJson.Encode("кодексстатья", addSpecialTokens: false), vocabulary.FromJson.Encode("кодекс\vстатья", addSpecialTokens: false));
    }

    [SharedFact]
    public void Words_past_the_limit_become_unknown_in_tokenizer_json_while_llama_cpp_has_no_limit()
    {
        var vocabulary = vocabularies.Uncased;
        var directory = Directory.CreateTempSubdirectory("wordpiece-limit-").FullName;
        try
        {
            var path = Path.Combine(directory, "tokenizer.json");
            TokenizerJsonFiles.WriteWordPiece(path, vocabulary.Vocabulary, maxInputCharsPerWord: 100);
            var limited = WordPieceTokenizer.FromTokenizerJson(path);
            var longWord = string.Concat(Enumerable.Repeat("закон", 21));

            Assert.Equal([limited.Special.Unknown], limited.Encode(longWord, addSpecialTokens: false));
            Assert.DoesNotContain(vocabulary.Tokenizer.Special.Unknown, vocabulary.Tokenizer.Encode(longWord, addSpecialTokens: false));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
