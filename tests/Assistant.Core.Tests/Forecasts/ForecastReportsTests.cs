using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Core.Drafts;
using Assistant.Core.Forecasts;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Core.Tests.Forecasts;

/// <summary>The three forms a forecast is served in — JSON, HTML, Word — carry the same findings and redlines.</summary>
public sealed class ForecastReportsTests
{
    internal static readonly Forecast Sample = new(
        "О внесении изменений в Трудовой кодекс",
        Language.Ru,
        [new Consolidation("K1500000414", Language.Ru, "2025-01-01", [new ConsolidatedNorm("K1500000414/art:3", "3", "Форма устная.", "Форма письменная.", [new(RedlineKind.Kept, "Форма "), new(RedlineKind.Deleted, "устная"), new(RedlineKind.Inserted, "письменная"), new(RedlineKind.Kept, ".")])], [])],
        [new AffectedNorm("K1500000414/art:3", AffectedChange.Changed, [4])],
        [new DependentNorm("P0000000002/p:3", "Постановление «О форме»", "статьей 3 Трудового кодекса", "K1500000414/art:3", "K1500000414/art:3", "3. Форма утверждается в соответствии со статьей 3 Трудового кодекса.")],
        [],
        [new ChangedTerm("K1500000414/art:1/p:1/sp:2", "работодатель", AffectedChange.Changed, ["K1500000414/art:5"])],
        [new DraftingFinding("entry-into-force", null, "The draft has no entry-into-force article.", [])],
        [new FollowUpAct("K1500000414/art:3", "уполномоченным органом", "по форме, утверждаемой уполномоченным органом", "Заявление подается по форме, утверждаемой уполномоченным органом.", [])],
        [],
        ForecastNarrative.Absent(ForecastNarrative.NoModel));

    [Fact]
    public void The_json_document_holds_every_section_under_its_key()
    {
        using var document = JsonDocument.Parse(ForecastJson.Serialize(Sample));
        var root = document.RootElement;

        Assert.Equal(
            ["title", "lang", "acts", "affected", "dependents", "brokenReferences", "terms", "findings", "followUps", "conflicts", "narrative"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("changed", root.GetProperty("affected")[0].GetProperty("change").GetString());
        Assert.Equal(["kept", "deleted", "inserted", "kept"], root.GetProperty("acts")[0].GetProperty("norms")[0].GetProperty("redline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.False(root.GetProperty("narrative").GetProperty("present").GetBoolean());
        Assert.Contains("«О форме»", ForecastJson.Serialize(Sample), StringComparison.Ordinal);
    }

    [Fact]
    public void The_word_report_strikes_deleted_words_underlines_inserted_ones_and_lists_each_finding()
    {
        using var stream = new MemoryStream(ForecastDocument.Docx(Sample));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var runs = body.Descendants<Run>().ToList();

        var deleted = Assert.Single(runs, r => r.InnerText == "устная");
        var inserted = Assert.Single(runs, r => r.InnerText == "письменная");
        Assert.NotNull(deleted.RunProperties?.Strike);
        Assert.NotNull(inserted.RunProperties?.Underline);
        var tables = body.Elements<Table>().Select(t => t.InnerText).ToList();
        Assert.Contains(tables, t => t.Contains("P0000000002/p:3", StringComparison.Ordinal) && t.Contains("3. Форма утверждается", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.Contains("entry-into-force", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.Contains("уполномоченным органом", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.Contains("работодатель", StringComparison.Ordinal) && t.Contains("K1500000414/art:5", StringComparison.Ordinal));
        Assert.Contains(ForecastNarrative.NoModel, body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_marks_the_redline_and_escapes_the_texts()
    {
        var html = ForecastReport.Html(Sample with { Title = "Проект <без названия>" });

        Assert.Contains("<del>устная</del>", html, StringComparison.Ordinal);
        Assert.Contains("<ins>письменная</ins>", html, StringComparison.Ordinal);
        Assert.Contains("Проект &lt;без названия&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Broken references (0)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_text_keeps_its_lines_in_the_word_report()
    {
        var twoLines = Sample with { Narrative = ForecastNarrative.Absent("Первая строка.\nВторая строка.") };

        using var stream = new MemoryStream(ForecastDocument.Docx(twoLines));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);

        var run = Assert.Single(document.MainDocumentPart!.Document!.Body!.Descendants<Run>(), r => r.InnerText.StartsWith("Первая", StringComparison.Ordinal));
        Assert.Single(run.Elements<Break>());
        Assert.Equal(["Первая строка.", "Вторая строка."], run.Elements<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }
}
