using System.Globalization;
using System.Net;
using System.Text;

namespace Assistant.Core.Findings;

/// <summary>The analytical report as one self-contained HTML page, its charts inline SVG, for a deputy to read and print.</summary>
public static class FindingsReportHtml
{
    private const int ChartActs = 10;

    public static string Write(FindingsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = FindingsReportRows.Title(report);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8">
            <title>{{E(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
            .pair td{width:50%;white-space:pre-wrap}.pair th{background:#f4f4f4}svg{display:block;margin:.5rem 0 1rem}</style></head><body>
            <h1>{{E(title)}}</h1>
            <p>Каждая находка названа нормами, на которых основана; её можно проверить по обеим нормам, приведённым рядом.</p>
            <h2>Находки по категориям и приоритетам</h2>
            """);
        Table(html, FindingsReportRows.CountHeadings, FindingsReportRows.Counts(report));
        html.Append(SvgBars.Chart(
            "findings-chart",
            [.. report.Counts.Select(c => (FindingTexts.Kind(c.Kind), (IReadOnlyList<double>)[c.High, c.Medium, c.Low]))],
            ["высокий", "средний", "низкий"]));

        foreach (var section in report.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(FindingTexts.Kind(section.Kind))}: {section.Total}</h2>");
            if (section.Top.Count == 0)
            {
                html.Append("<p>Находок нет.</p>");
            }

            foreach (var stored in section.Top)
            {
                Pair(html, stored);
            }
        }

        html.Append("<h2>Неудовлетворённый спрос: вопросы без ответа по закону</h2>");
        if (report.Demand is { } demand)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(FindingsReportRows.DemandSummary(demand))}</p>");
            html.Append(SvgBars.Chart("demand-topics", [.. demand.Topics.Take(ChartActs).Select(t => (string.Join(", ", t.Terms), (IReadOnlyList<double>)[t.Chat, t.Portal]))], ["чат", "портал"]));
            html.Append(SvgBars.Chart("demand-months", [.. demand.ByMonth.Select(m => (m.Month, (IReadOnlyList<double>)[m.Questions]))], ["вопросов без ответа"]));
            Table(html, FindingsReportRows.DemandHeadings, FindingsReportRows.Demand(demand));
        }
        else
        {
            html.Append("<p>Журнал вопросов не подключён.</p>");
        }

        html.Append("<h2>Стабильность норм: как часто их меняли</h2>");
        if (report.Stability is { } stability)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(FindingsReportRows.StabilitySummary(stability))}</p>");
            html.Append(SvgBars.Chart("stability-acts", [.. stability.Acts.Take(ChartActs).Select(a => (a.ActId + " " + a.Title, (IReadOnlyList<double>)[a.Counts.LastYear, a.Counts.Last3Years, a.Counts.Last5Years]))], ["за 1 год", "за 3 года", "за 5 лет"]));
            Table(html, FindingsReportRows.StabilityHeadings, FindingsReportRows.Stability(stability, ChartActs));
            html.Append("<h3>Чаще всего переписываемые нормы</h3>");
            Table(html, FindingsReportRows.NormStabilityHeadings, FindingsReportRows.NormStability(stability));
        }
        else
        {
            html.Append("<p>Каталог сносок не подключён.</p>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Pair(StringBuilder html, StoredFinding stored)
    {
        var (leftHeading, leftText) = FindingsReportRows.Left(stored.Finding);
        var (rightHeading, rightText) = FindingsReportRows.Right(stored.Finding);
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"pair\" id=\"{E(stored.Finding.Id)}\"><tr><th>{E(leftHeading)}</th><th>{E(rightHeading)}</th></tr><tr><td>{E(leftText)}</td><td>{E(rightText)}</td></tr>");
        foreach (var (label, value) in FindingsReportRows.Details(stored))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Table(StringBuilder html, string[] headings, IEnumerable<string[]> rows)
    {
        html.Append("<table><tr>");
        foreach (var heading in headings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(heading)}</th>");
        }

        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(cell)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
