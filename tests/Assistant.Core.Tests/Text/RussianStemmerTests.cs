using Assistant.Core.Text;

namespace Assistant.Core.Tests.Text;

public class RussianStemmerTests
{
    private static readonly string[] WorkerForms = ["работник", "работника", "работнику", "работником", "работники", "работников", "работникам"];

    [Theory]
    [InlineData("кража", "краж")]
    [InlineData("кражи", "краж")]
    [InlineData("кражу", "краж")]
    [InlineData("преступление", "преступлен")]
    [InlineData("преступления", "преступлен")]
    [InlineData("закона", "закон")]
    [InlineData("законодательство", "законодательств")]
    [InlineData("статья", "стат")]
    [InlineData("статьи", "стат")]
    [InlineData("трудовой", "трудов")]
    [InlineData("трудового", "трудов")]
    [InlineData("кодекса", "кодекс")]
    [InlineData("кодексом", "кодекс")]
    [InlineData("наказывается", "наказыва")]
    [InlineData("лишением", "лишен")]
    [InlineData("свободы", "свобод")]
    [InlineData("сроком", "срок")]
    [InlineData("лет", "лет")]
    [InlineData("деятельности", "деятельн")]
    [InlineData("ответственности", "ответствен")]
    [InlineData("читающий", "чита")]
    [InlineData("красивейший", "красив")]
    [InlineData("сделав", "сдела")]
    [InlineData("купивши", "куп")]
    [InlineData("умываться", "умыва")]
    [InlineData("книгами", "книг")]
    [InlineData("граждане", "граждан")]
    [InlineData("уголовный", "уголовн")]
    [InlineData("хищение", "хищен")]
    [InlineData("наказание", "наказан")]
    [InlineData("отпуском", "отпуск")]
    [InlineData("заработной", "заработн")]
    public void Stem_matches_the_snowball_russian_algorithm(string word, string expected) =>
        Assert.Equal(expected, RussianStemmer.Stem(word));

    [Theory]
    [InlineData("вши")]
    [InlineData("мгла")]
    [InlineData("")]
    public void Stem_keeps_words_without_an_ending_inside_rv(string word) =>
        Assert.Equal(word, RussianStemmer.Stem(word));

    [Fact]
    public void Stem_of_inflected_forms_of_one_noun_is_shared()
    {
        var stems = WorkerForms
            .Select(RussianStemmer.Stem)
            .Distinct()
            .ToList();

        Assert.Equal("работник", Assert.Single(stems));
    }
}
