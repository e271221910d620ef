using Assistant.Core.Acts;
using Assistant.Core.Text;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

public sealed class NormSnippetTests
{
    [Fact]
    public void The_passage_with_most_query_terms_is_chosen()
    {
        var text = "1. Общие положения настоящей статьи.\n2. Кража чужого имущества наказывается штрафом.\n3. Кража совершённая группой лиц.";

        var snippet = NormSnippet.Best(text, Terms("кража группой лиц", Language.Ru), Language.Ru);

        Assert.StartsWith("Кража совершённая группой лиц.", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_passages_with_as_many_terms_the_first_is_chosen()
    {
        var text = "1. Общие положения.\n2. Кража имущества.\n3. Кража денег.";

        var snippet = NormSnippet.Best(text, Terms("кража", Language.Ru), Language.Ru);

        Assert.StartsWith("Кража имущества.", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kazakh_term_whose_stem_devoices_the_last_letter_is_found_in_its_passage()
    {
        var terms = Terms("кітабы", Language.Kk);
        Assert.DoesNotContain(terms, term => "кітабы".StartsWith(term, StringComparison.Ordinal));
        var text = "1. Жалпы ережелер мен түсініктер.\n2. Оқушыға кітабы беріледі.";

        var snippet = NormSnippet.Best(text, terms, Language.Kk);

        Assert.StartsWith("Оқушыға кітабы беріледі.", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latin_i_in_a_kazakh_word_matches_the_cyrillic_term()
    {
        var text = "1. Жалпы ережелер.\n2. Салық кодексiнің нормалары.";

        var snippet = NormSnippet.Best(text, Terms("кодексінің", Language.Kk), Language.Kk);

        Assert.StartsWith("Салық кодексiнің нормалары.", snippet, StringComparison.Ordinal);
    }

    private static HashSet<string> Terms(string text, Language language) => TextAnalyzer.Terms(text, language).ToHashSet(StringComparer.Ordinal);
}
