using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Norms;

namespace Assistant.Core.Adilet;

/// <summary>Reads the amending acts, their dates and what they did out of a «Сноска.» / «Ескерту.» paragraph.</summary>
public static partial class FootnoteReader
{
    /// <summary>
    /// Every amending law a footnote names, in its order, with what it did. A verb governs the laws after it up to the
    /// next verb or sentence («с изменениями, внесенными законами РК от A; от B. Статья дополнена … Законом от C»).
    /// </summary>
    public static IReadOnlyList<Amendment> Amendments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var amendments = new List<Amendment>();
        IReadOnlyList<AmendmentAction> actions = [];
        var from = 0;
        for (var match = AdiletPatterns.AmendingAct().Match(text); match.Success; match = match.NextMatch())
        {
            var before = text[from..match.Index];
            var sentence = SentenceEnd().Matches(before).LastOrDefault() is { } end ? before[(end.Index + end.Length)..] : before;
            var stated = ActionsIn(sentence);
            if (stated.Count > 0 || sentence.Length < before.Length)
            {
                actions = stated;
            }

            var after = InForce().Match(text, match.Index + match.Length);
            string? inForce = null;
            DateOnly? inForceOn = null;
            if (after.Success && after.Index == match.Index + match.Length)
            {
                inForce = after.Groups["when"].Value.Trim();
                inForceOn = InForceDate().Match(inForce) is { Success: true } date
                    && DateOnly.TryParseExact(date.Value, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                    ? on
                    : null;
            }

            amendments.Add(new Amendment(match.Value.Trim(), DateOf(match), match.Groups["no"].Value, actions, inForceOn, inForce));
            from = match.Index + match.Length + (after.Success && after.Index == match.Index + match.Length ? after.Length : 0);
        }

        return amendments;
    }

    private static List<AmendmentAction> ActionsIn(string clause)
    {
        var actions = new List<AmendmentAction>();
        var folded = clause.ToLowerInvariant();
        if (Restated().IsMatch(folded))
        {
            actions.Add(AmendmentAction.Restated);
        }

        if (Changed().IsMatch(folded))
        {
            actions.Add(AmendmentAction.Changed);
        }

        if (Supplemented().IsMatch(folded))
        {
            actions.Add(AmendmentAction.Supplemented);
        }

        if (Repealed().IsMatch(folded))
        {
            actions.Add(AmendmentAction.Repealed);
        }

        return actions;
    }

    [GeneratedRegex(@"в\s+редакции|изложен|редакция(?:да|сында)", RegexOptions.CultureInvariant)]
    private static partial Regex Restated();

    [GeneratedRegex(@"изменени|изменен|өзгеріс", RegexOptions.CultureInvariant)]
    private static partial Regex Changed();

    [GeneratedRegex(@"дополнен|толықтыр", RegexOptions.CultureInvariant)]
    private static partial Regex Supplemented();

    [GeneratedRegex(@"исключен|утратил|алып\s+тасталды|күші\s+жойыл", RegexOptions.CultureInvariant)]
    private static partial Regex Repealed();

    /// <summary>A sentence ends at a full stop before a capital («… № 154. Статья дополнена …»), not inside a date.</summary>
    [GeneratedRegex(@"\.\s+(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    /// <summary>«(вводится в действие с 01.07.2023)», «(… бастап қолданысқа енгізіледі)».</summary>
    [GeneratedRegex(@"\s*\((?<when>[^()]*(?:в\s+действие|қолданысқа)[^()]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex InForce();

    [GeneratedRegex(@"\d{2}\.\d{2}\.\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex InForceDate();

    internal static Footnote Read(string text)
    {
        var match = AdiletPatterns.AmendingAct().Match(text);
        if (!match.Success)
        {
            return new Footnote(text, null, null);
        }

        return new Footnote(text, match.Value.Trim(), DateOf(match));
    }

    /// <summary>The latest date of any amending act a footnote names («с изменениями от 01.07.2021 ...; от 05.11.2022 ...»).</summary>
    internal static DateOnly? LatestDate(string text)
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
