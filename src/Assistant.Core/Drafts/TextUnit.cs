using System.Globalization;
using Assistant.Core.Adilet;
using Assistant.Core.Norms;

namespace Assistant.Core.Drafts;

/// <summary>
/// An article, point or subpoint being amended: its own paragraphs and its numbered parts, in reading order, as
/// the parser of Adilet texts would read them back.
/// </summary>
internal sealed class TextUnit(NormKind kind, string number)
{
    public NormKind Kind { get; } = kind;

    public string Number { get; set; } = number;

    public string? Heading { get; set; }

    /// <summary>Paragraphs (<see cref="string"/>) and parts (<see cref="TextUnit"/>).</summary>
    public List<object> Items { get; } = [];

    public IEnumerable<TextUnit> Children => Items.OfType<TextUnit>();

    /// <summary>Every paragraph, the parts' included, in reading order.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var item in Items)
        {
            if (item is string line)
            {
                yield return line;
            }
            else
            {
                foreach (var inner in ((TextUnit)item).Lines())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Rewrites every paragraph, the parts' included.</summary>
    public int Rewrite(Func<string, (string Text, int Count)> edit)
    {
        var count = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i] is string line)
            {
                var (text, changed) = edit(line);
                Items[i] = text;
                count += changed;
            }
            else
            {
                count += ((TextUnit)Items[i]).Rewrite(edit);
            }
        }

        return count;
    }

    /// <summary>The item range of the <paramref name="ordinal"/>-th own paragraph, with the parts after it when <paramref name="withParts"/>.</summary>
    public (int Start, int Count)? OwnParagraph(int ordinal, bool withParts)
    {
        var seen = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i] is string && ++seen == ordinal)
            {
                var end = i + 1;
                while (withParts && end < Items.Count && Items[end] is TextUnit)
                {
                    end++;
                }

                return (i, end - i);
            }
        }

        return null;
    }

    public int OwnParagraphCount => Items.Count(item => item is string);

    /// <summary>Builds the unit from a parsed norm: its parts' paragraphs are found, in order, among its own.</summary>
    public static TextUnit From(Norm norm)
    {
        var unit = new TextUnit(norm.Kind, norm.Number) { Heading = norm.Heading };
        var lines = norm.Text.Length == 0 ? [] : norm.Text.Split('\n');
        var next = 0;
        foreach (var part in norm.Parts)
        {
            var partLines = part.Text.Length == 0 ? 0 : part.Text.Split('\n').Length;
            var first = part.Text.Split('\n')[0];
            var at = partLines == 0 ? next : Array.IndexOf(lines, first, next);
            if (at < 0)
            {
                at = next;
                partLines = 0;
            }

            for (; next < at; next++)
            {
                unit.Items.Add(lines[next]);
            }

            var child = partLines == 0 ? new TextUnit(part.Kind, part.Number) : From(part);
            unit.Items.Add(child);
            next = Math.Min(lines.Length, at + partLines);
        }

        for (; next < lines.Length; next++)
        {
            unit.Items.Add(lines[next]);
        }

        return unit;
    }

    /// <summary>
    /// Reads quoted lines into units of <paramref name="kind"/> as the Adilet parser reads a text: «1.» opens a point,
    /// «1)» a subpoint, «Статья N.» an article, other lines go to the point open above them, else to the unit.
    /// </summary>
    public static List<TextUnit> Read(IReadOnlyList<string> lines, NormKind kind, string fallbackNumber)
    {
        var units = new List<TextUnit>();
        TextUnit? top = null;
        TextUnit? point = null;
        foreach (var line in lines)
        {
            if (kind == NormKind.Article && AdiletPatterns.Article().Match(line) is { Success: true } article)
            {
                top = new TextUnit(NormKind.Article, article.Groups["n"].Value);
                var title = article.Groups["title"].Value.Trim();
                top.Heading = title.Length == 0 ? null : title;
                point = null;
                units.Add(top);
                continue;
            }

            if (top is null)
            {
                top = new TextUnit(kind, kind == NormKind.Article ? fallbackNumber : StartOf(kind, line) ?? fallbackNumber);
                units.Add(top);
                if (kind != NormKind.Article)
                {
                    top.Items.Add(line);
                    point = kind == NormKind.Point ? top : null;
                    continue;
                }
            }

            if (StartOf(NormKind.Point, line) is { } pointNumber && kind is NormKind.Article or NormKind.Point)
            {
                point = new TextUnit(NormKind.Point, pointNumber);
                point.Items.Add(line);
                if (kind == NormKind.Point)
                {
                    top = point;
                    units.Add(point);
                }
                else
                {
                    top.Items.Add(point);
                }

                continue;
            }

            if (StartOf(NormKind.Subpoint, line) is { } subpointNumber)
            {
                var subpoint = new TextUnit(NormKind.Subpoint, subpointNumber);
                subpoint.Items.Add(line);
                if (kind == NormKind.Subpoint)
                {
                    top = subpoint;
                    units.Add(subpoint);
                }
                else
                {
                    (point ?? top).Items.Add(subpoint);
                }

                continue;
            }

            (point ?? top).Items.Add(line);
        }

        return units;
    }

    /// <summary>The number a line opens a unit of <paramref name="kind"/> with, or null.</summary>
    public static string? StartOf(NormKind kind, string line)
    {
        var match = kind == NormKind.Point ? AdiletPatterns.Point().Match(line) : AdiletPatterns.Subpoint().Match(line);
        return match.Success ? match.Groups["n"].Value : null;
    }

    /// <summary>Orders numbers as an act does: 9 &lt; 9-1 &lt; 9-2 &lt; 10.</summary>
    public static int CompareNumbers(string a, string b)
    {
        var left = a.Split('-', '_');
        var right = b.Split('-', '_');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var x = i < left.Length && int.TryParse(left[i], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
            var y = i < right.Length && int.TryParse(right[i], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }
}
