using Assistant.Core.Text;

namespace Assistant.Core.Tests.Text;

public class KazakhStemmerTests
{
    private static readonly string[] ArticleForms = ["бап", "бабы", "бабының", "баптар", "баптарында"];

    [Theory]
    [InlineData("кодексінің", "кодекс")]
    [InlineData("кодексі", "кодекс")]
    [InlineData("кодекспен", "кодекс")]
    [InlineData("құқықтарын", "құқық")]
    [InlineData("құқықтары", "құқық")]
    [InlineData("заңдарының", "заң")]
    [InlineData("заңда", "заң")]
    [InlineData("ережелерімен", "ереже")]
    [InlineData("бағдарламасына", "бағдарлама")]
    [InlineData("мемлекеттен", "мемлекет")]
    public void Stem_strips_plural_possessive_and_case_suffixes(string word, string expected) =>
        Assert.Equal(expected, KazakhStemmer.Stem(word));

    [Fact]
    public void Stem_of_an_article_word_is_shared_by_its_forms()
    {
        var stems = ArticleForms.Select(KazakhStemmer.Stem).Distinct().ToList();

        Assert.Equal("бап", Assert.Single(stems));
    }

    [Theory]
    [InlineData("су")]
    [InlineData("ана")]
    [InlineData("заң")]
    public void Stem_never_leaves_a_stem_shorter_than_three_letters(string word) =>
        Assert.Equal(word, KazakhStemmer.Stem(word));
}
