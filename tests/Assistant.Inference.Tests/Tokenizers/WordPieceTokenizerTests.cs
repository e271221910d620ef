using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Tokenizers;

public class WordPieceTokenizerTests(WordPieceVocabularies vocabularies) : IClassFixture<WordPieceVocabularies>
{
    public static TheoryData<string> Variants => ["uncased", "cased"];

    public static TheoryData<string, string> VariantsAndSentences()
    {
        var data = new TheoryData<string, string>();
        foreach (var variant in new[] { "uncased", "cased" })
        {
            foreach (var sentence in Sentences)
            {
                data.Add(variant, sentence);
            }
        }

        return data;
    }

    private static readonly string[] Sentences =
    [
        "Уголовный кодекс Республики Казахстан",
        "Статья 14-1. «Уголовный проступок» — деяние, предусмотренное (ст. 3, п. 2).",
        "Қазақстан Республикасының Конституциясы, 88-бап, 1-тармақ",
        "  leading,\ttabs\nand new lines  and   runs of   spaces  ",
        "Café NAÏVE résumé Ёлка йод, İstanbul ΣΟΦΙΑ straße",
        "中华人民共和国法律 and 가나다 mixed",
        "price: $5+3=8 <tag> a^b `c` |d| ~e",
        "Эмодзи 🙂👍🏽 и знаки ꙮ 𝔘 ⁂ \u0000\u0001\u200b\ufeff",
        "don ' t it 's we 're they 've , . ! ?",
        "",
        "   ",
    ];

    [SharedTheory]
    [MemberData(nameof(VariantsAndSentences))]
    public void Encoding_matches_llama_cpp_with_and_without_special_tokens(string variant, string text)
    {
        var vocabulary = vocabularies[variant];

        Assert.Equal(vocabulary.Oracle.Tokenize(text, addSpecial: false), vocabulary.Tokenizer.Encode(text, addSpecialTokens: false));
        Assert.Equal(vocabulary.Oracle.Tokenize(text, addSpecial: true), vocabulary.Tokenizer.Encode(text, addSpecialTokens: true));
    }

    [SharedTheory]
    [MemberData(nameof(VariantsAndSentences))]
    public void Decoding_matches_llama_cpp_detokenization(string variant, string text)
    {
        var vocabulary = vocabularies[variant];
        var ids = vocabulary.Tokenizer.Encode(text, addSpecialTokens: true).ToArray();

        Assert.Equal(vocabulary.Oracle.Detokenize(ids), vocabulary.Tokenizer.Decode(ids));
    }

    [SharedTheory]
    [MemberData(nameof(Variants))]
    public void Vocabulary_size_and_special_tokens_match_the_gguf(string variant)
    {
        var vocabulary = vocabularies[variant];
        var special = vocabulary.Tokenizer.Special;

        Assert.Equal(vocabulary.Oracle.VocabularySize, vocabulary.Tokenizer.VocabularySize);
        Assert.Equal(vocabulary.Vocabulary.IdOf(BertVocabulary.Cls), special.Start);
        Assert.Equal(vocabulary.Vocabulary.IdOf(BertVocabulary.Sep), special.End);
        Assert.Equal(vocabulary.Vocabulary.IdOf(BertVocabulary.Pad), special.Padding);
        Assert.Equal(vocabulary.Vocabulary.IdOf(BertVocabulary.Unknown), special.Unknown);
    }

    [SharedTheory]
    [MemberData(nameof(Variants))]
    public void Corpus_paragraphs_tokenize_as_llama_cpp_does(string variant)
    {
        var vocabulary = vocabularies[variant];
        var paragraphs = CorpusSample.Paragraphs;

        var differing = paragraphs.Where(paragraph =>
            !vocabulary.Oracle.Tokenize(paragraph, addSpecial: true).SequenceEqual(vocabulary.Tokenizer.Encode(paragraph, addSpecialTokens: true))).ToList();

        // The vocabulary must exercise the matching: few unknown words, and words cut into several pieces.
        var ids = paragraphs.SelectMany(paragraph => vocabulary.Tokenizer.Encode(paragraph, addSpecialTokens: false)).ToList();
        var unknownShare = (double)ids.Count(id => id == vocabulary.Tokenizer.Special.Unknown) / ids.Count;
        var continuations = ids.Count(id => !vocabulary.Vocabulary.Pieces[id].StartsWith('\u2581'));
        Assert.True(paragraphs.Count > 2_000, $"only {paragraphs.Count} paragraphs were read");
        Assert.True(unknownShare < 0.01, $"{unknownShare:P1} of the tokens are unknown");
        Assert.True(continuations > ids.Count / 10, $"only {continuations} of {ids.Count} tokens continue a word");
        Assert.True(differing.Count == 0, $"{differing.Count} of {paragraphs.Count} paragraphs differ from llama.cpp, e.g. «{differing.FirstOrDefault()}»");
    }

    [SharedTheory]
    [MemberData(nameof(Variants))]
    public void Seeded_random_strings_of_odd_characters_tokenize_as_llama_cpp_does(string variant)
    {
        var vocabulary = vocabularies[variant];
        var texts = OddText.Generate(seed: 11, count: 3_000, includeWholeBmp: true);

        var differing = texts.Where(text =>
            !vocabulary.Oracle.Tokenize(text, addSpecial: true).SequenceEqual(vocabulary.Tokenizer.Encode(text, addSpecialTokens: true))).ToList();

        Assert.True(differing.Count == 0, $"{differing.Count} of {texts.Count} differ, e.g. {OddText.Escape(differing.FirstOrDefault() ?? string.Empty)}");
    }
}
