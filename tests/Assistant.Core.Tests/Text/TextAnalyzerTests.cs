using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Tests.Text;

public class TextAnalyzerTests
{
    [Fact]
    public void Normalize_folds_drops_stop_words_and_stems_russian()
    {
        Assert.Equal("краж чуж имуществ", TextAnalyzer.Normalize("Кража, то есть чужого имущества"));
    }

    [Fact]
    public void Normalize_keeps_numbers_of_inserted_articles_whole()
    {
        Assert.Equal(["стат", "14-1", "кодекс"], TextAnalyzer.Terms("Статья 14-1 Кодекса"));
    }

    [Fact]
    public void Normalize_splits_hyphenated_words_into_terms()
    {
        Assert.Equal(["уголовн", "процессуальн"], TextAnalyzer.Terms("уголовно-процессуальный"));
    }

    [Fact]
    public void Tokens_with_kazakh_letters_are_stemmed_as_kazakh_even_in_a_russian_text()
    {
        Assert.Equal(["кодекс", "кодекс"], TextAnalyzer.Terms("Кодексінің кодексом", Language.Ru));
    }

    [Fact]
    public void Plain_cyrillic_tokens_of_a_kazakh_text_are_stemmed_as_kazakh()
    {
        Assert.Equal(["бап"], TextAnalyzer.Terms("бабы", Language.Kk));
        Assert.Equal(["баб"], TextAnalyzer.Terms("бабы", Language.Ru));
    }

    [Fact]
    public void Latin_i_inside_a_kazakh_word_is_folded_to_cyrillic()
    {
        Assert.Equal(TextAnalyzer.Terms("кодексінің"), TextAnalyzer.Terms("кодексiнiң"));
    }

    [Fact]
    public void Ye_with_diaeresis_matches_plain_ye()
    {
        Assert.Equal(TextAnalyzer.Terms("ещё учёт"), TextAnalyzer.Terms("ЕЩЕ УЧЕТ"));
    }

    [Theory]
    [InlineData("и в на, что ... ?")]
    [InlineData("!!! — ...")]
    [InlineData("")]
    public void Text_of_only_stop_words_and_punctuation_has_no_terms(string text) =>
        Assert.Empty(TextAnalyzer.Terms(text));

    [Fact]
    public void Kazakh_function_words_have_no_terms() =>
        Assert.Empty(TextAnalyzer.Terms("және мен туралы осы", Language.Kk));
}
