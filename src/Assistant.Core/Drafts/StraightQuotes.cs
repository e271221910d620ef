using System.Text;

namespace Assistant.Core.Drafts;

/// <summary>
/// Older drafts and many pasted ones quote with "…", “…” or „…“ where the formulas are read on «…». A draft that
/// quotes with «…» anywhere is left as it is (its "…" are quoted text); in one that does not, a mark opens where a
/// word could begin (at the start, after a space, a bracket or another opening mark) and closes elsewhere, so nested
/// quotes come out nested: ""О правовых актах"" → ««О правовых актах»».
/// </summary>
internal static class StraightQuotes
{
    public static IReadOnlyList<string> ToGuillemets(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Any(line => line.Contains('«', StringComparison.Ordinal) || line.Contains('»', StringComparison.Ordinal))
            ? lines
            : [.. lines.Select(ToGuillemets)];
    }

    private static string ToGuillemets(string line)
    {
        if (line.IndexOfAny(['"', '“', '”', '„']) < 0)
        {
            return line;
        }

        var text = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            text.Append(c switch
            {
                '"' or '“' => Opens(text) ? '«' : '»',
                '„' => '«',
                '”' => '»',
                _ => c,
            });
        }

        return text.ToString();
    }

    private static bool Opens(StringBuilder before) =>
        before.Length == 0 || char.IsWhiteSpace(before[^1]) || before[^1] is '(' or '[' or '«' or '-' or '–' or '—' or '/';
}
