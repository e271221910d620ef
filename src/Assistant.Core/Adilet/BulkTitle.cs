using System.Text.RegularExpressions;

namespace Assistant.Core.Adilet;

/// <summary>
/// What a bulk record's title says of the act beyond its name. The sources end a title with the act's own kind,
/// issuer, date and number after a status word: «… Новый Решение Бурлинского районного маслихата от 22 декабря
/// 2023 года № 9-1», «… Жаңа Арал аудандық мәслихатының 2018 жылғы 13 наурыздағы № 25 шешімі». Dates before that
/// belong to acts the title amends, so only the last date after the last status word counts.
/// </summary>
internal static partial class BulkTitle
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>The adoption date and number as printed, or null when the title does not carry both (titles are cut at a fixed length).</summary>
    public static (DateOnly AdoptedOn, string Number)? Registration(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var marker = StatusWord().Matches(title).LastOrDefault();
        var tail = marker is null ? title : title[(marker.Index + marker.Length)..];
        var match = Dated().Matches(tail).LastOrDefault();
        if (match is null)
        {
            return null;
        }

        return AdiletPatterns.TryReadDate(match, out var date, out _) && date.Year is >= 1900 and <= 2100
            ? (date, match.Groups["no"].Value)
            : null;
    }

    [GeneratedRegex(@"(?<![\w-])(?:Новый|Обновленный|Жаңа|Жаңартылған)(?![\w-])", Options)]
    private static partial Regex StatusWord();

    /// <summary>«от 22 декабря 2023 года № 9-1», «от 2 февраля 1996 г. N 144», «2018 жылғы 13 наурыздағы № 25 13».</summary>
    [GeneratedRegex(@"(?:(?<d>\d{1,2})\s+(?<month>" + AdiletPatterns.RussianMonthNames + @")\s+(?<y>\d{4})\s*(?:года|г\.)?|(?<y>\d{4})\s*жылғы\s+(?<d>\d{1,2})\s+(?<month>" + AdiletPatterns.KazakhMonthStems + @")\w*)\s*(?:№|N)\s*(?<no>\d[\w\-/]*(?:\s\d[\w\-/]*)*)", Options)]
    private static partial Regex Dated();
}
