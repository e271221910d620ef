using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Norms;

namespace Assistant.Core.Tests.Findings;

public sealed class StabilityReportTests
{
    private static readonly DateOnly ReferenceDate = D(2026, 12, 1);

    [Fact]
    public void Amendments_are_counted_within_one_three_and_five_years_before_the_reference_date_and_none_after_it()
    {
        var report = StabilityReport.Of([Norm("88", "Глава 1", D(2026, 6, 1), D(2024, 1, 1), D(2022, 1, 1), D(2019, 1, 1), D(2027, 1, 1))], ReferenceDate);

        var norm = Assert.Single(report.Norms);
        Assert.Equal(new AmendmentCounts(1, 2, 3), norm.Counts);
        Assert.Equal(new DateOnly(2026, 6, 1), norm.LastAmended);
    }

    [Fact]
    public void The_most_often_rewritten_norms_come_first()
    {
        var report = StabilityReport.Of(
            [
                Norm("10", "Глава 1", D(2025, 1, 1)),
                Norm("20", "Глава 2", D(2025, 1, 1), D(2024, 1, 1), D(2023, 1, 1)),
                Norm("30", "Глава 2", D(2025, 1, 1), D(2024, 1, 1)),
            ],
            ReferenceDate);

        Assert.Equal(["20", "30", "10"], report.Norms.Select(n => n.Norm.Article));
    }

    [Fact]
    public void An_act_and_a_chapter_count_a_law_once_however_many_of_their_norms_it_amended()
    {
        var report = StabilityReport.Of(
            [
                Norm("20", "Глава 2", D(2025, 1, 1), D(2024, 1, 1)),
                Norm("30", "Глава 2", D(2025, 1, 1)),
                Norm("10", "Глава 1", D(2023, 1, 1)),
            ],
            ReferenceDate);

        var act = Assert.Single(report.Acts);
        Assert.Equal(new AmendmentCounts(0, 2, 3), act.Counts);
        Assert.Equal(3, act.NormsAmended);
        Assert.Equal(["Глава 2", "Глава 1"], act.Chapters.Select(c => c.Chapter));
        Assert.Equal(new AmendmentCounts(0, 2, 2), act.Chapters[0].Counts);
    }

    [Fact]
    public void A_norm_amended_only_more_than_five_years_ago_is_not_listed()
    {
        var report = StabilityReport.Of([Norm("10", "Глава 1", D(2015, 1, 1))], ReferenceDate);

        Assert.Empty(report.Norms);
        Assert.Empty(report.Acts);
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>A norm amended by one law per date, each law named by its date.</summary>
    private static NormAmendments Norm(string article, string chapter, params DateOnly[] dates) =>
        new("K1500000414", "Трудовой кодекс", Language.Ru, new NormId("K1500000414", article), "Статья", chapter, [.. dates.Select(d => ("№ " + d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), d))]);
}
