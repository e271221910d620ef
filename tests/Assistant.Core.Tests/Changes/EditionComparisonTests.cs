using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Changes;
using Assistant.Core.Editions;
using Assistant.Core.Norms;
using Assistant.Core.Tests.Adilet;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Changes;

public class EditionComparisonTests
{
    private const string Act = "K1500000414";

    [Fact]
    public void Line_breaks_spacing_quotes_and_dashes_alone_are_no_change()
    {
        var before = Edition("2024-01-01", Article("93", "Оплата", "1. Работодатель платит «вовремя» – всегда.\n2. Иначе  штраф ."));
        var after = Edition("2025-01-01", Article("93", "Оплата", "1. Работодатель платит \"вовремя\" - всегда. 2. Иначе\u00A0штраф."));

        Assert.Empty(EditionComparison.Compare(before, after).Norms);
    }

    [Theory]
    [InlineData("предусмотренном статьями 22-24 настоящего Кодекса.", "предусмотренном статьями 22 - 24 настоящего Кодекса.")]
    [InlineData("3.Исключен Законом РК (порядок введения в действие см.ст.2).", "3. Исключен Законом РК (порядок введения в действие см. ст.2).")]
    public void Spacing_around_a_dash_or_after_a_full_stop_is_no_change(string older, string later)
    {
        var before = Edition("2024-01-01", Article("815", "Застрахованный", older));
        var after = Edition("2025-01-01", Article("815", "Застрахованный", later));

        Assert.Empty(EditionComparison.Compare(before, after).Norms);
    }

    [Fact]
    public void Different_figures_beside_a_dash_are_a_change()
    {
        var before = Edition("2024-01-01", Article("815", "Застрахованный", "предусмотренном статьями 22-24 настоящего Кодекса."));
        var after = Edition("2025-01-01", Article("815", "Застрахованный", "предусмотренном статьями 22-25 настоящего Кодекса."));

        Assert.Single(EditionComparison.Compare(before, after).Norms);
    }

    [Fact]
    public void Changed_added_repealed_and_renumbered_norms_are_told_apart_with_a_word_redline()
    {
        var before = Edition("2024-01-01",
            Article("93", "Оплата", "Работодатель платит ежемесячно."),
            Article("94", "Отпуск", "Отпуск длится двадцать четыре дня."),
            Article("95", "Премия", "Премия выплачивается по итогам года."));
        var after = Edition("2025-01-01",
            Article("93", "Оплата", "Работодатель платит дважды в месяц."),
            Article("94", "Отпуск", "Исключена Законом РК от 01.02.2025 № 1-VIII.", NormStatus.Excluded),
            Article("95-1", "Премия", "Премия выплачивается по итогам года."),
            Article("124-1", "Гарантии", "Новые гарантии."));

        var report = EditionComparison.Compare(before, after);

        Assert.Equal(("2024-01-01", "2025-01-01", Act), (report.From, report.To, report.Act));
        Assert.Equal(
            [("93", ChangeKind.Changed), ("94", ChangeKind.Repealed), ("95-1", ChangeKind.Renumbered), ("124-1", ChangeKind.Added)],
            report.Norms.Select(n => (n.Article, n.Change)));
        var changed = report.Norms[0].Redline;
        Assert.Contains(changed, s => s.Kind == RedlineKind.Deleted && s.Text.Contains("ежемесячно", StringComparison.Ordinal));
        Assert.Contains(changed, s => s.Kind == RedlineKind.Inserted && s.Text.Contains("дважды", StringComparison.Ordinal));
        Assert.Equal("95", report.Norms[2].PreviousNumber);
    }

    [SharedFact]
    public void The_2024_labour_code_against_the_adilet_text_reports_amended_articles_and_not_reprinted_ones()
    {
        var bulk = BulkRecordReader.ReadFile(SharedData.Path("corpus", "bulk", "ru-acts-2024-00.jsonl.gz"))
            .Select(entry => entry.Act!)
            .First(act => act.Source == "ru-acts-2024-00.jsonl.gz#ru2024-261");
        var adilet = ParsedCorpus.Russian(Act);
        var older = new EditionText(Act, Language.Ru, bulk.Edition!, false, bulk.Norms);
        var current = new EditionText(Act, Language.Ru, adilet.Edition!, true, adilet.Norms);
        var olderDate = EditionDates.EndOf(older.Edition)!.Value;

        var reported = EditionComparison.Compare(older, current).Norms.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        var amended = current.Norms.Where(n => n.Footnotes.SelectMany(f => FootnoteReader.Amendments(f.Text)).Any(a => a.AdoptedOn > olderDate)).ToList();
        Assert.NotEmpty(amended);
        Assert.All(amended, norm => Assert.Contains(norm.Id.ToString(), reported));

        // Art. 110 was reprinted twice by the export and last amended in 2020: no change.
        Assert.DoesNotContain($"{Act}/art:110", reported);
    }

    private static EditionText Edition(string edition, params Norm[] norms) => new(Act, Language.Ru, edition, false, norms);

    private static Norm Article(string number, string heading, string text, NormStatus status = NormStatus.Active) => new()
    {
        Id = new NormId(Act, number),
        Kind = NormKind.Article,
        Number = number,
        Heading = heading,
        Text = text,
        Status = status,
    };
}
