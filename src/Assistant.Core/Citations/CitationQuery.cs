using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Citations;

/// <summary>
/// Finds the norms a user's query names directly: «ст. 188 УК», «статьи 120-135 УК РК», «п. 1 ст. 88 ТК»,
/// «ст.188 Уголовного кодекса», «88-бап Еңбек кодексі», «188-бабы ҚК», «Конституция 1-бап».
/// </summary>
public static partial class CitationQuery
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>The Civil Code's special part continues the general part's numbering from this article.</summary>
    private const int CivilCodeSpecialPartFrom = 406;

    private const string CivilCodeGeneral = "K940001000_";
    private const string CivilCodeSpecial = "K990000409_";

    public static IReadOnlyList<CitedNorms> Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var folded = TextFolding.Fold(query);
        var cited = new List<CitedNorms>();
        foreach (Match match in ArticleMention().Matches(folded))
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            var acts = ActAfter(query, folded, end, out var actEnd);
            if (acts.Count > 0)
            {
                end = actEnd;
            }
            else
            {
                acts = ActBefore(query, folded, start, out var actStart);
                start = acts.Count > 0 ? actStart : start;
            }

            if (acts.Count == 0)
            {
                continue;
            }

            var (first, last) = Range(match.Groups["a"].Value, match.Groups["b"]);
            cited.Add(new CitedNorms(
                query[start..end].Trim(),
                Order(acts, first),
                first,
                last,
                Value(match.Groups["p"]) ?? Value(match.Groups["kp"]),
                Value(match.Groups["sp"]) ?? Value(match.Groups["ksp"])));
        }

        return cited;
    }

    /// <summary>
    /// Known acts the query names, with or without an article: «за подмену ребенка по УК РК», «ҚК-нің қай баптары»,
    /// «по Трудовому кодексу». In the order the catalog should prefer them, without repeats.
    /// </summary>
    public static IReadOnlyList<string> NamedActs(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ids = new List<string>();
        foreach (Match match in AbbreviationAnywhere().Matches(query))
        {
            ids.AddRange(KnownActs.FindByAbbreviation(match.Groups["abbr"].Value).Select(act => act.Id));
        }

        ids.AddRange(KnownActs.FindByName(query).Select(act => act.Id));
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>«120-135» is a range; «14-1» is one article (the second number is not greater).</summary>
    private static (string First, string? Last) Range(string number, Group explicitLast)
    {
        if (explicitLast.Success)
        {
            return (number, explicitLast.Value);
        }

        var parts = number.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && to > from
            ? (parts[0], parts[1])
            : (number, null);
    }

    private static List<KnownAct> ActAfter(string query, string folded, int position, out int end)
    {
        end = position;
        var start = Skip(folded, position);
        if (Abbreviation().Match(query, start) is { Success: true } abbreviation && abbreviation.Index == start)
        {
            var acts = KnownActs.FindByAbbreviation(abbreviation.Groups["abbr"].Value).ToList();
            if (acts.Count > 0)
            {
                end = abbreviation.Index + abbreviation.Length;
                return acts;
            }
        }

        var named = NamedAt(folded, start, out var length);
        if (named.Count > 0)
        {
            end = start + length;
            while (end < folded.Length && char.IsLetter(folded[end]))
            {
                end++;
            }

            end = StateName().Match(folded, end) is { Success: true } state ? state.Index + state.Length : end;
        }

        return named;
    }

    private static List<KnownAct> ActBefore(string query, string folded, int position, out int start)
    {
        start = position;
        var before = folded[..position].TrimEnd();
        if (PrecedingAbbreviation().Match(query[..before.Length]) is { Success: true } abbreviation)
        {
            var acts = KnownActs.FindByAbbreviation(abbreviation.Groups["abbr"].Value).ToList();
            if (acts.Count > 0)
            {
                start = abbreviation.Index;
                return acts;
            }
        }

        // A name that ends right before the article: try the word starts of the last few words.
        var candidates = WordStart().Matches(before).Select(m => m.Index).Where(i => i >= before.Length - 80);
        foreach (var candidate in candidates)
        {
            var named = NamedAt(folded, candidate, out var length);
            if (named.Count > 0 && candidate + length >= before.Length - 8)
            {
                start = candidate;
                return named;
            }
        }

        return [];
    }

    /// <summary>Known acts named at <paramref name="start"/>, in either language.</summary>
    private static List<KnownAct> NamedAt(string folded, int start, out int length)
    {
        length = 0;
        var window = folded.Substring(start, Math.Min(folded.Length - start, 160));
        var found = new List<KnownAct>();
        foreach (var language in (Language[])[Language.Ru, Language.Kk])
        {
            foreach (var (act, matched) in KnownActs.MatchNameAt(window, 0, language))
            {
                if (!found.Contains(act) && (found.Count == 0 || matched >= length))
                {
                    found.Add(act);
                    length = Math.Max(length, matched);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Most likely first: the Civil Code's two parts are one code to the reader, so naming either yields both,
    /// ordered by which part holds the article.
    /// </summary>
    private static string[] Order(List<KnownAct> acts, string firstArticle)
    {
        var ids = acts.Select(act => act.Id).Distinct().ToList();
        if (ids.Contains(CivilCodeGeneral) || ids.Contains(CivilCodeSpecial))
        {
            var number = int.TryParse(firstArticle.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            string[] civil = number >= CivilCodeSpecialPartFrom ? [CivilCodeSpecial, CivilCodeGeneral] : [CivilCodeGeneral, CivilCodeSpecial];
            ids = [.. civil, .. ids.Where(id => !civil.Contains(id))];
        }

        return [.. ids];
    }

    private static int Skip(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static string? Value(Group group) => group.Success ? group.Value : null;

    /// <summary>
    /// Russian: «[пп. 2)] [п. 1] ст. 88», «часть 2 статьи 188», «ст. 188 ч. 2», «статьи 120-135», «статья 14-1»;
    /// Kazakh: «88-бап», «188-бабы», «5-баптың 2-тармағы», «120-135 баптары», «120–135-баптар». A code's numbered
    /// paragraphs are «части» to its readers and points in the catalog.
    /// </summary>
    [GeneratedRegex(@"(?<![\w-])(?:(?:(?:подпункт\w*|подп\.|пп\.?)\s*(?<sp>\d+(?:-\d+)*)\)?\s*)?(?:(?:пункт\w*|п\.?|част\w*|ч\.?)\s*(?<p>\d+(?:-\d+)*)\s*)?(?:стать\w*|ст\.?)\s*(?<a>\d+(?:-\d+)*)(?:\s*[–—]\s*(?<b>\d+(?:-\d+)*))?(?:\s*,?\s*(?:пункт\w*|п\.?|част\w*|ч\.?)\s*(?<p>\d+(?:-\d+)*)(?![\w-]))?|(?<kk>(?<a>\d+(?:-\d+)*)(?:\s*[–—]\s*(?<b>\d+(?:-\d+)*))?(?:-|\s+)(?:бап|баб)\w*)(?:\s+(?<kp>\d+(?:-\d+)*)-тармағ\w*)?(?:\s+(?<ksp>\d+(?:-\d+)*)\)\s*тармақша\w*)?)", Options)]
    private static partial Regex ArticleMention();

    /// <summary>«УК», «УК РК», «КоАП», «ҚК», «ЕК ҚР» at a position of the original (unfolded) query.</summary>
    [GeneratedRegex(@"(?<abbr>\p{Lu}[\p{Lu}\p{Ll}]{0,2}\p{Lu}+)(?:\s+(?:РК|ҚР|Республики\s+Казахстан))?(?![\p{L}\d])", Options)]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<abbr>\p{Lu}[\p{Lu}\p{Ll}]{0,2}\p{Lu}+)(?![\p{L}\d])", Options)]
    private static partial Regex AbbreviationAnywhere();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<abbr>\p{Lu}[\p{Lu}\p{Ll}]{0,2}\p{Lu}+)(?:\s+(?:РК|ҚР))?\s*$", Options)]
    private static partial Regex PrecedingAbbreviation();

    [GeneratedRegex(@"\G\s+(?:республики\s+казахстан|рк)(?!\w)", Options)]
    private static partial Regex StateName();

    [GeneratedRegex(@"(?<![\w-])\w", Options)]
    private static partial Regex WordStart();
}
