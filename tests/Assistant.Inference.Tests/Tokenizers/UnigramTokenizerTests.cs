using Assistant.Inference.Llama;
using Assistant.Inference.Tokenizers;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Tokenizers;

public class UnigramTokenizerTests(UnigramTokenizerTests.Vocabulary vocabulary) : IClassFixture<UnigramTokenizerTests.Vocabulary>
{
    // Measured against llama.cpp: every paragraph of the Kazakh constitution (and of the whole corpus) is identical.
    private const double RequiredIdenticalShare = 1.0;

    public static TheoryData<string> LegalSentences =>
    [
        "Уголовный кодекс Республики Казахстан",
        "Кодекс Республики Казахстан от 3 июля 2014 года № 226-V ЗРК.",
        "      Сноска. Оглавление исключено Законом РК от 02.07.2021 № 62-VII",
        "Статья 14-1. «Уголовный проступок» — деяние, предусмотренное (ст. 3, п. 2).",
        "Қазақстан Республикасының Конституциясы",
        "Бiз, ортақ тарихи тағдыр бiрiктiрген Қазақстан халқы,",
        "дүниежүзiлiк қоғамдастықта лайықты орын алуды тілей отырып,",
        "ҚР Еңбек кодексі 88-бап, 1-тармақ және «Сноска.»   —   2024 ж.",
        "  leading,\ttabs\nand new lines  and   runs of   spaces  ",
        "Full-width ＡＢＣ１２３, ligature ﬁ, superscript ², ellipsis … and № 5",
        "Эмодзи 🙂 и редкие знаки ꙮ 𝔘 ⁂",
        "",
        "   ",
    ];

    [SharedTheory]
    [MemberData(nameof(LegalSentences))]
    public void Encoding_matches_llama_cpp_without_special_tokens(string text)
    {
        Assert.Equal(vocabulary.Oracle.Tokenize(text, addSpecial: false), vocabulary.Tokenizer.Encode(text, addSpecialTokens: false));
    }

    [SharedTheory]
    [MemberData(nameof(LegalSentences))]
    public void Encoding_with_special_tokens_wraps_the_pieces_in_bos_and_eos_like_llama_cpp(string text)
    {
        var ids = vocabulary.Tokenizer.Encode(text, addSpecialTokens: true);

        Assert.Equal(vocabulary.Oracle.Tokenize(text, addSpecial: true), ids);
        Assert.Equal(0, ids[0]);
        Assert.Equal(2, ids[^1]);
    }

    [SharedTheory]
    [MemberData(nameof(LegalSentences))]
    public void Decoding_matches_llama_cpp_detokenization(string text)
    {
        var ids = vocabulary.Tokenizer.Encode(text, addSpecialTokens: false).ToArray();

        Assert.Equal(vocabulary.Oracle.Detokenize(ids), vocabulary.Tokenizer.Decode(ids));
    }

    [SharedFact]
    public void Decoding_drops_bos_and_eos_and_restores_normalized_text()
    {
        var ids = vocabulary.Tokenizer.Encode("Статья  14-1.  Қазақстан", addSpecialTokens: true);

        Assert.Equal("Статья 14-1. Қазақстан", vocabulary.Tokenizer.Decode(ids));
    }

    [SharedFact]
    public void Vocabulary_size_matches_llama_cpp()
    {
        Assert.Equal(vocabulary.Oracle.VocabularySize, vocabulary.Tokenizer.VocabularySize);
        Assert.Equal(250_048, vocabulary.Tokenizer.VocabularySize);
    }

    [SharedFact]
    public void The_first_two_thousand_paragraphs_of_the_Kazakh_constitution_tokenize_as_llama_cpp_does()
    {
        // The file holds 594 non-empty paragraphs, so today this reads all of them.
        var paragraphs = File.ReadLines(SharedData.Path("corpus", "adilet", "kk", "K950001000_.kk.txt"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Take(2_000)
            .ToList();

        var identical = paragraphs.Count(paragraph =>
            vocabulary.Oracle.Tokenize(paragraph, addSpecial: true).SequenceEqual(vocabulary.Tokenizer.Encode(paragraph, addSpecialTokens: true)));

        Assert.True(paragraphs.Count > 100, $"only {paragraphs.Count} paragraphs were read");
        Assert.True(
            (double)identical / paragraphs.Count >= RequiredIdenticalShare,
            $"{identical} of {paragraphs.Count} paragraphs tokenize as llama.cpp does");
    }

    [SharedFact]
    public void Seeded_random_strings_of_odd_characters_tokenize_as_llama_cpp_does()
    {
        // Whitespace kinds, NUL and the control characters the charsmap deletes, combining marks, compatibility forms,
        // special-token text and the escape characters themselves, with every tenth character drawn from the whole BMP
        // (lone surrogates included).
        char[] alphabet = [.. "  \t\n\r\0\u0001\u007f\u00ad\u00a0\u3000\u200b\ufeffаәғқңөұүһіiІ«»—–-№.,;:()0123456789ﬁ²①ＡÅÅé\u0301가\u2581<s></s><unk>"];
        var random = new Random(7);
        var texts = Enumerable.Range(0, 2_000)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(1, 40))
                .Select(_ => random.Next(10) == 0 ? (char)random.Next(0x20, 0xFFFF) : alphabet[random.Next(alphabet.Length)])]))
            .ToList();

        var differing = texts.Where(text =>
            !vocabulary.Oracle.Tokenize(text, addSpecial: true).SequenceEqual(vocabulary.Tokenizer.Encode(text, addSpecialTokens: true)));

        Assert.Empty(differing);
    }

    /// <summary>The tokenizer and llama.cpp's vocab-only model over the same GGUF, loaded once for the class.</summary>
    public sealed class Vocabulary : IDisposable
    {
        private readonly Lazy<UnigramTokenizer> tokenizer = new(() => UnigramTokenizer.FromGguf(VocabularyPath));
        private readonly Lazy<LlamaModel> oracle = new(() => LlamaModel.Load(new LlamaModelOptions { Path = VocabularyPath, VocabOnly = true }));

        public UnigramTokenizer Tokenizer => tokenizer.Value;

        public LlamaModel Oracle => oracle.Value;

        private static string VocabularyPath => SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf");

        public void Dispose()
        {
            if (oracle.IsValueCreated)
            {
                oracle.Value.Dispose();
            }
        }
    }
}
