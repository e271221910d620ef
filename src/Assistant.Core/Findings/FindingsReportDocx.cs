using System.Globalization;
using Assistant.Core.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Assistant.Core.Findings;

/// <summary>
/// The analytical report as a Word document (.docx), the form it is edited and sent on in: the same sections as the
/// HTML page, its charts drawn as bars of block characters in table cells, which Word shows without a chart part.
/// </summary>
public static class FindingsReportDocx
{
    private const int ChartRows = 10;
    private const int BarWidth = 30;

    public static byte[] Write(FindingsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(Body(report));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Body Body(FindingsReport report)
    {
        var body = new Body();
        body.Append(Heading(FindingsReportRows.Title(report), 1));
        body.Append(Plain("Каждая находка названа нормами, на которых основана; её можно проверить по обеим нормам, приведённым рядом."));
        body.Append(Heading("Находки по категориям и приоритетам", 2));
        body.Append(WordBlocks.Table(FindingsReportRows.CountHeadings, FindingsReportRows.Counts(report)));
        foreach (var section in report.Sections)
        {
            body.Append(Heading($"{FindingTexts.Kind(section.Kind)}: {section.Total.ToString(CultureInfo.InvariantCulture)}", 2));
            if (section.Top.Count == 0)
            {
                body.Append(Plain("Находок нет."));
            }

            foreach (var stored in section.Top)
            {
                var (leftHeading, leftText) = FindingsReportRows.Left(stored.Finding);
                var (rightHeading, rightText) = FindingsReportRows.Right(stored.Finding);
                body.Append(WordBlocks.Table([leftHeading, rightHeading], [[leftText, rightText], .. FindingsReportRows.Details(stored).Select(d => new[] { d.Label, d.Value })]));
                body.Append(Plain(string.Empty));
            }
        }

        body.Append(Heading("Неудовлетворённый спрос: вопросы без ответа по закону", 2));
        if (report.Demand is { } demand)
        {
            body.Append(Plain(FindingsReportRows.DemandSummary(demand)));
            body.Append(Bars("Вопросов без ответа по темам", demand.Topics.Take(ChartRows).Select(t => (string.Join(", ", t.Terms), t.Questions))));
            body.Append(Bars("Вопросов без ответа по месяцам", demand.ByMonth.Select(m => (m.Month, m.Questions))));
            body.Append(WordBlocks.Table(FindingsReportRows.DemandHeadings, FindingsReportRows.Demand(demand)));
        }
        else
        {
            body.Append(Plain("Журнал вопросов не подключён."));
        }

        body.Append(Heading("Стабильность норм: как часто их меняли", 2));
        if (report.Stability is { } stability)
        {
            body.Append(Plain(FindingsReportRows.StabilitySummary(stability)));
            body.Append(Bars("Изменяющих законов за 5 лет", stability.Acts.Take(ChartRows).Select(a => (a.ActId + " " + a.Title, a.Counts.Last5Years))));
            body.Append(WordBlocks.Table(FindingsReportRows.StabilityHeadings, FindingsReportRows.Stability(stability, ChartRows)));
            body.Append(Heading("Чаще всего переписываемые нормы", 3));
            body.Append(WordBlocks.Table(FindingsReportRows.NormStabilityHeadings, FindingsReportRows.NormStability(stability)));
        }
        else
        {
            body.Append(Plain("Каталог сносок не подключён."));
        }

        return body;
    }

    /// <summary>A chart as a table: the label, a bar of «█» as long as the value against the largest, and the value.</summary>
    private static Table Bars(string title, IEnumerable<(string Label, int Value)> rows)
    {
        var list = rows.ToList();
        var max = Math.Max(1, list.Select(r => r.Value).DefaultIfEmpty(0).Max());
        return WordBlocks.Table(
            [title, string.Empty, string.Empty],
            list.Select(r => new[] { r.Label, new string('█', Math.Max(r.Value > 0 ? 1 : 0, (int)Math.Round((double)r.Value / max * BarWidth))), r.Value.ToString(CultureInfo.InvariantCulture) }));
    }

    private static Paragraph Heading(string text, int level) =>
        new(new Run(new RunProperties(new Bold(), new FontSize { Val = (36 - (level * 4)).ToString(CultureInfo.InvariantCulture) }), new WordText(text)))
        {
            ParagraphProperties = new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }),
        };

    private static Paragraph Plain(string text) => new(WordBlocks.Run(text));
}
