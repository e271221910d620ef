using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Core.Answers;

/// <summary>
/// The [n] markers an answer cites its sources by: «[1]», «[1, 3]», «[2-4]». Verification keeps the numbers of
/// sources that were given and removes the others from the text.
/// </summary>
public static partial class CitationMarkers
{
    public static VerifiedText Verify(string text, int sourceCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cited = new SortedSet<int>();
        var removed = new List<string>();
        var verified = Marker().Replace(text, match =>
        {
            var kept = new List<int>();
            foreach (var number in Numbers(match.Groups["list"].Value))
            {
                if (number >= 1 && number <= sourceCount)
                {
                    kept.Add(number);
                    cited.Add(number);
                }
            }

            if (kept.Count == 0)
            {
                removed.Add(match.Value);
                return string.Empty;
            }

            var rewritten = "[" + string.Join(", ", kept.Distinct()) + "]";
            if (rewritten != match.Value)
            {
                removed.Add(match.Value);
            }

            return rewritten;
        });
        return new VerifiedText(Tidy(verified), [.. cited], removed);
    }

    private static IEnumerable<int> Numbers(string list)
    {
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (range.Length == 2 && Parse(range[0]) is { } from && Parse(range[1]) is { } to && to >= from && to - from < 20)
            {
                for (var n = from; n <= to; n++)
                {
                    yield return n;
                }
            }
            else if (Parse(part) is { } single)
            {
                yield return single;
            }
        }
    }

    private static int? Parse(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Spaces left before punctuation or doubled where a marker was removed.</summary>
    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            if (c is '.' or ',' or ';' or ':' && builder.Length > 0 && builder[^1] == ' ')
            {
                builder.Length--;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"\[(?<list>\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)*\s*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}

/// <param name="Cited">Source numbers cited, ascending.</param>
/// <param name="Removed">Markers that named sources not given, as written.</param>
public sealed record VerifiedText(string Text, IReadOnlyList<int> Cited, IReadOnlyList<string> Removed);
