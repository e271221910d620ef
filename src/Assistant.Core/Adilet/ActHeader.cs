using System.Text.RegularExpressions;
using Assistant.Core.Acts;

namespace Assistant.Core.Adilet;

/// <summary>
/// The header lines of an Adilet text: the title (one or two lines), then «Кодекс Республики Казахстан от 23 ноября
/// 2015 года № 414-V ЗРК.» (or «Қазақстан Республикасының Кодексі 2015 жылғы 23 қарашадағы № 414-V ҚРЗ»),
/// with «Утративший силу» / «Күші жойылды» for a repealed act.
/// </summary>
internal sealed partial record ActHeader(string Title, ActKind Kind, DateOnly? AdoptedOn, string? Number, ActStatus Status, int BodyStart)
{
    /// <summary>The kind line is looked for among this many first non-blank lines.</summary>
    private const int HeaderLines = 5;

    public static ActHeader Read(IReadOnlyList<string> lines, string? source)
    {
        var candidates = new List<int>();
        for (var i = 0; i < lines.Count && candidates.Count < HeaderLines; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            throw new AdiletFormatException(source, 1, "the text is empty: no title line");
        }

        var kindLine = candidates.FindIndex(i => IsKindLine(Clean(lines[i])));
        var titleLines = new List<string>();
        var repealed = false;
        foreach (var i in kindLine > 0 ? candidates.Take(kindLine) : candidates.Take(1))
        {
            var line = Clean(lines[i]);
            if (RepealedMark().IsMatch(line))
            {
                repealed = true;
            }
            else
            {
                titleLines.Add(line);
            }
        }

        var title = string.Join(' ', titleLines);
        if (title.Length == 0)
        {
            throw new AdiletFormatException(source, candidates[0] + 1, "the text has no title line");
        }

        if (kindLine < 0)
        {
            return new ActHeader(title, KindOf(title), null, null, ActStatus.InForce, candidates[0] + 1);
        }

        var lineIndex = candidates[kindLine];
        var kindText = Clean(lines[lineIndex]);
        var kind = KindOf(kindText);
        return new ActHeader(
            title,
            kind == ActKind.Unknown ? KindOf(title) : kind,
            DateIn(kindText, source, lineIndex + 1),
            AdiletPatterns.ActNumber().Match(kindText) is { Success: true } number ? number.Groups["no"].Value.TrimEnd('.') : null,
            repealed || RepealedMark().IsMatch(kindText) ? ActStatus.Repealed : ActStatus.InForce,
            lineIndex + 1);
    }

    public static ActKind KindOf(string text)
    {
        var folded = text.ToLowerInvariant();
        return folded switch
        {
            _ when folded.Contains("конституционный закон", StringComparison.Ordinal) || folded.Contains("конституциялық заң", StringComparison.Ordinal) => ActKind.ConstitutionalLaw,
            _ when folded.Contains("конституци", StringComparison.Ordinal) => ActKind.Constitution,
            _ when folded.Contains("кодекс", StringComparison.Ordinal) => ActKind.Code,
            _ when StartsWithWord(folded, "закон") || folded.Contains(" заңы", StringComparison.Ordinal) => ActKind.Law,
            _ when StartsWithWord(folded, "указ") || folded.Contains("жарлығ", StringComparison.Ordinal) => ActKind.Decree,
            _ when StartsWithWord(folded, "постановление") || folded.Contains("қаулы", StringComparison.Ordinal) => ActKind.Resolution,
            _ when StartsWithWord(folded, "приказ") || StartsWithWord(folded, "совместный приказ") || folded.Contains("бұйрығ", StringComparison.Ordinal) => ActKind.Order,
            _ when StartsWithWord(folded, "решение") || folded.Contains("шешім", StringComparison.Ordinal) => ActKind.Decision,
            _ when StartsWithWord(folded, "распоряжение") || folded.Contains("өкім", StringComparison.Ordinal) => ActKind.Other,
            _ => ActKind.Unknown,
        };
    }

    /// <summary>«от 23 ноября 2015 года» or «2015 жылғы 23 қарашадағы»; an impossible date is an error, not a guess.</summary>
    private static DateOnly? DateIn(string text, string? source, int line)
    {
        var match = AdiletPatterns.RussianDate().Match(text) is { Success: true } ru ? ru : AdiletPatterns.KazakhDate().Match(text);
        if (!match.Success)
        {
            return null;
        }

        return AdiletPatterns.TryReadDate(match, out var date, out var parts)
            ? date
            : throw new AdiletFormatException(source, line, $"invalid adoption date: day {parts.Day} of month {parts.Month} of {parts.Year}");
    }

    private static bool IsKindLine(string line) =>
        RussianKindLine().IsMatch(line) || (KazakhKindLine().IsMatch(line) && KindOf(line) != ActKind.Unknown);

    /// <summary>The word at the start, or anywhere after a space: bulk titles carry the kind mid-way («... Новый Решение маслихата»).</summary>
    private static bool StartsWithWord(string folded, string word)
    {
        for (var at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || folded[at - 1] == ' ') && (end == folded.Length || !char.IsLetter(folded[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string line) => line.Replace('\u00A0', ' ').Replace("\f", string.Empty, StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^(?:Конституционный\s+закон|Кодекс|Закон|Указ|Постановление|Нормативное\s+постановление|Совместный\s+приказ|Приказ|Решение|Распоряжение|Конституция\s+принята|Принят[аоы]?)\b.*?\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex RussianKindLine();

    [GeneratedRegex(@"\d{4}\s+жылғы\s+\d{1,2}\s+\w+", RegexOptions.CultureInvariant)]
    private static partial Regex KazakhKindLine();

    [GeneratedRegex(@"Утративш\w+\s+силу|Утратил\w?\s+силу|Күші\s+жойыл", RegexOptions.CultureInvariant)]
    private static partial Regex RepealedMark();
}
