using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Norms;
using DocumentFormat.OpenXml.Packaging;

namespace Assistant.Core.Tests.Findings;

public sealed class FindingsReportTests
{
    private static readonly DateTimeOffset Generated = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    private static readonly Finding Conflict = new(
        "conflict-1", FindingKind.Conflict, Language.Ru, "P2100000002/p:3", "K1500000414/art:88/p:1",
        "Отпуск предоставляется продолжительностью 30 календарных дней.", "Отпуск предоставляется продолжительностью 24 календарных дня.",
        "«30 календарных дней» ≠ «24 календарных дня»", "Разные сроки одного отпуска.", 0.9, FindingPriority.High, 12);

    private static readonly Finding Gap = new(
        "gap-1", FindingKind.Gap, Language.Ru, "Z2000000001/art:7/p:1", null,
        "Субсидии предоставляются в порядке, определяемом уполномоченным органом.", null,
        "делегирует: «в порядке, определяемом уполномоченным органом»", "Нет подзаконного акта.", 1, FindingPriority.Medium, 0);

    private static readonly Finding DismissedGap = Gap with { Id = "gap-2", Norm = "Z2000000001/art:8", Priority = FindingPriority.Low };

    [Fact]
    public void Counts_are_by_kind_and_priority_and_a_dismissed_finding_is_counted_but_not_among_the_top()
    {
        var report = Build();

        var gaps = report.Counts.Single(c => c.Kind == FindingKind.Gap);
        Assert.Equal((2, 0, 1, 1, 1), (gaps.Total, gaps.High, gaps.Medium, gaps.Low, gaps.Dismissed));
        Assert.Equal(1, report.Counts.Single(c => c.Kind == FindingKind.Conflict).High);
        Assert.Equal(["gap-1"], report.Sections.Single(s => s.Kind == FindingKind.Gap).Top.Select(f => f.Finding.Id));
    }

    [Fact]
    public void The_html_shows_both_norms_of_a_finding_side_by_side_and_draws_the_charts()
    {
        var html = FindingsReportHtml.Write(Build());

        var pair = html[html.IndexOf("id=\"conflict-1\"", StringComparison.Ordinal)..];
        pair = pair[..pair.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("P2100000002/p:3", pair, StringComparison.Ordinal);
        Assert.Contains("K1500000414/art:88/p:1", pair, StringComparison.Ordinal);
        Assert.Contains("30 календарных дней.", pair, StringComparison.Ordinal);
        Assert.Contains("24 календарных дня.", pair, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"findings-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"demand-topics\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"stability-acts\"", html, StringComparison.Ordinal);
        Assert.Contains("Пробелы", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_docx_is_a_word_package_holding_both_norms_and_the_counts()
    {
        using var stream = new MemoryStream(FindingsReportDocx.Write(Build()));
        using var document = WordprocessingDocument.Open(stream, false);

        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("30 календарных дней.", text, StringComparison.Ordinal);
        Assert.Contains("24 календарных дня.", text, StringComparison.Ordinal);
        Assert.Contains("Неработающие ссылки", text, StringComparison.Ordinal);
        Assert.Contains("█", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_has_the_counts_the_top_findings_and_both_charts_data()
    {
        using var json = JsonDocument.Parse(FindingsReportJson.Serialize(Build()));

        var root = json.RootElement;
        var gap = root.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "gap");
        Assert.Equal(2, gap.GetProperty("total").GetInt32());
        var conflict = root.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "conflict").GetProperty("top")[0];
        Assert.Equal("K1500000414/art:88/p:1", conflict.GetProperty("otherNorm").GetString());
        Assert.Equal("high", conflict.GetProperty("priority").GetString());
        Assert.Equal(3, root.GetProperty("demand").GetProperty("unanswered").GetInt32());
        Assert.Equal("K1500000414", root.GetProperty("stability").GetProperty("acts")[0].GetProperty("act").GetString());
    }

    private static FindingsReport Build()
    {
        StoredFinding Stored(Finding finding, FindingStatus status = FindingStatus.New) =>
            new(finding, status == FindingStatus.New ? FindingReview.Unreviewed : new FindingReview(status, "не пробел", "expert1", Generated), Generated, Generated);
        var stability = StabilityReport.Of(
            [new NormAmendments("K1500000414", "Трудовой кодекс", Language.Ru, new NormId("K1500000414", "88"), "Отпуск", "Глава 10", [("№ 1", new DateOnly(2026, 1, 1))])],
            new DateOnly(2026, 12, 1));
        var demand = new UnmetDemandReport(5, 3, 1, [new DemandTopic(Language.Ru, ["пенсия", "инвалидности"], 2, 1, 1, [new MonthCount("2026-11", 2)])], [new MonthCount("2026-11", 3)]);
        return FindingsReport.Of([Stored(Conflict), Stored(Gap), Stored(DismissedGap, FindingStatus.Dismissed)], stability, demand, Generated);
    }
}
