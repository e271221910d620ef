using Assistant.Core.Acts;
using Assistant.Core.Retrieval;
using Assistant.Core.Text;

namespace Assistant.Core.Tests.Retrieval;

public sealed class ThesaurusTests
{
    private const string Lines = """
        from_lang	from	to_lang	to	kind	source
        # labour
        ru	уволиться	ru	расторжение трудового договора по инициативе работника	everyday	K1500000414 ст. 56 heading
        ru	взял деньги	ru	получение взятки	everyday	K1400000226 ст. 366 heading
        kk	ұрлық	ru	кража	translation	K1400000226 kk/ru ст. 188
        ru	мрп	ru	месячный расчетный показатель	abbreviation	editor
        """;

    private static Thesaurus Sample(double weight = 0.5) => Thesaurus.Parse(new StringReader(Lines), "sample.tsv", weight);

    private static string Stem(string word, Language language) => TextAnalyzer.Terms(word, language).Single();

    [Fact]
    public void An_everyday_word_adds_the_acts_wording_at_the_lower_weight()
    {
        var expansion = Sample(0.4).Expand("За сколько дней предупредить, если хочу уволиться?", language: null);

        var applied = Assert.Single(expansion.Applied);
        Assert.Equal(("уволиться", "расторжение трудового договора по инициативе работника", ThesaurusKind.Everyday), (applied.From, applied.To, applied.Kind));
        Assert.Equal("K1500000414 ст. 56 heading", applied.Source);
        Assert.Equal(0.4, expansion.Terms[Stem("расторжение", Language.Ru)]);
        Assert.Equal(0.4, expansion.Terms[Stem("работника", Language.Ru)]);
    }

    [Fact]
    public void A_relation_of_several_words_fires_only_when_the_question_has_them_all_in_any_order()
    {
        var thesaurus = Sample();

        Assert.Single(thesaurus.Expand("Что грозит чиновнику, который деньги взял за решение вопроса?", null).Applied);
        Assert.Empty(thesaurus.Expand("Я взял кредит в банке", null).Applied);
    }

    [Fact]
    public void A_translation_applies_both_ways_and_an_everyday_word_one_way_only()
    {
        var thesaurus = Sample();

        var kazakh = thesaurus.Expand("Ұрлық үшін қандай жаза бар?", null);
        var russian = thesaurus.Expand("Какое наказание за кражу?", null);
        var legal = thesaurus.Expand("Расторжение трудового договора по инициативе работника", null);

        Assert.Equal(1.0, kazakh.Terms[Stem("кража", Language.Ru)]);
        Assert.Contains(Stem("ұрлық", Language.Kk), russian.Terms.Keys);
        Assert.Empty(legal.Applied);
    }

    [Fact]
    public void A_term_the_question_already_has_is_not_added_again()
    {
        var expansion = Sample().Expand("Уволиться по инициативе работника", null);

        Assert.Single(expansion.Applied);
        Assert.DoesNotContain(Stem("инициативе", Language.Ru), expansion.Terms.Keys);
        Assert.Contains(Stem("расторжение", Language.Ru), expansion.Terms.Keys);
    }

    [Fact]
    public void A_question_without_any_of_its_words_is_searched_as_asked()
    {
        var expansion = Sample().Expand("Сколько длится ежегодный отпуск?", null);

        Assert.True(expansion.IsEmpty);
        Assert.Empty(expansion.Applied);
    }

    [Theory]
    [InlineData("ru\tуволиться\tru\tрасторжение\teveryday", "sample.tsv:2: expected 6 tab-separated columns")]
    [InlineData("en\tquit\tru\tрасторжение\teveryday\teditor", "sample.tsv:2: languages must be ru or kk")]
    [InlineData("ru\tуволиться\tru\tрасторжение\tsynonym\teditor", "sample.tsv:2: kind must be everyday, translation or abbreviation, not 'synonym'")]
    [InlineData("ru\tуволиться\tru\tрасторжение\teveryday\t ", "sample.tsv:2: from, to and source must not be empty")]
    [InlineData("ru\tи\tru\tрасторжение\teveryday\teditor", "sample.tsv:2: 'и' or 'расторжение' has no searchable word")]
    public void A_malformed_line_is_refused_naming_the_file_and_line(string line, string message)
    {
        var error = Assert.Throws<FormatException>(() => Thesaurus.Parse(new StringReader(Thesaurus.Header + "\n" + line), "sample.tsv", 0.5));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_header_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Thesaurus.Parse(new StringReader("ru\tа\tru\tб\teveryday\teditor"), "sample.tsv", 0.5));

        Assert.StartsWith("sample.tsv:1: the first line must be the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_thesaurus_beside_the_binaries_loads_and_every_relation_names_its_source()
    {
        var shipped = Thesaurus.Load(Thesaurus.DefaultPath, 0.5);

        Assert.NotEmpty(shipped.Entries);
        Assert.All(shipped.Entries, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Source)));
        Assert.Contains(shipped.Entries, entry => entry.Kind == ThesaurusKind.Translation);
    }
}
