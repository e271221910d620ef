using System.Globalization;
using System.Net;
using System.Text;

namespace Assistant.Core.Findings;

/// <summary>A horizontal bar chart as inline SVG: one group of bars per row, one bar per series, each labelled with its value.</summary>
internal static class SvgBars
{
    private const int LabelWidth = 360;
    private const int BarArea = 420;
    private const int BarHeight = 12;
    private const int RowGap = 10;
    private const int LabelLength = 60;
    private static readonly string[] Colours = ["#b2182b", "#ef8a62", "#67a9cf", "#2166ac"];

    public static string Chart(string id, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> rows, IReadOnlyList<string> series)
    {
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var max = Math.Max(1, rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max());
        var rowHeight = (series.Count * BarHeight) + RowGap;
        var legend = 24;
        var height = legend + (rows.Count * rowHeight);
        var width = LabelWidth + BarArea + 60;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-size=\"11\" font-family=\"system-ui,sans-serif\">");
        for (var s = 0; s < series.Count; s++)
        {
            var x = LabelWidth + (s * 110);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{Colours[s % Colours.Length]}\"/><text x=\"{x + 14}\" y=\"13\">{E(series[s])}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var top = legend + (r * rowHeight);
            var label = rows[r].Label.Length > LabelLength ? rows[r].Label[..LabelLength] + "…" : rows[r].Label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{top + (series.Count * BarHeight / 2) + 4}\" text-anchor=\"end\">{E(label)}</text>");
            for (var s = 0; s < rows[r].Values.Count; s++)
            {
                var value = rows[r].Values[s];
                var length = value / max * BarArea;
                var y = top + (s * BarHeight);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight - 2}\" fill=\"{Colours[s % Colours.Length]}\"><title>{E(rows[r].Label)}: {value:0.##}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 4:0.#}\" y=\"{y + BarHeight - 3}\">{value:0.##}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
