using System.Globalization;
using Assistant.Core.Norms;

namespace Assistant.Core.Adilet;

/// <summary>Reads the amending act and its date out of a «Сноска.» / «Ескерту.» paragraph.</summary>
internal static class FootnoteReader
{
    public static Footnote Read(string text)
    {
        var match = AdiletPatterns.AmendingAct().Match(text);
        if (!match.Success)
        {
            return new Footnote(text, null, null);
        }

        return new Footnote(text, match.Value.Trim(), DateOf(match));
    }

    /// <summary>The latest date of any amending act a footnote names («с изменениями от 01.07.2021 ...; от 05.11.2022 ...»).</summary>
    public static DateOnly? LatestDate(string text)
    {
        DateOnly? latest = null;
        foreach (var match in AdiletPatterns.AmendingAct().EnumerateMatches(text))
        {
            var date = DateOf(AdiletPatterns.AmendingAct().Match(text, match.Index));
            if (date is { } value && (latest is null || value > latest))
            {
                latest = value;
            }
        }

        return latest;
    }

    private static DateOnly? DateOf(System.Text.RegularExpressions.Match match)
    {
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }
}
