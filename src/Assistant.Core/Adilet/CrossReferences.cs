using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Text;

namespace Assistant.Core.Adilet;

/// <summary>
/// Finds references to norms and acts in a norm's text: «пунктом 2 статьи 5 настоящего Кодекса», «статьями 120-135»,
/// «в соответствии с Трудовым кодексом», «осы Кодекстің 5-бабының 2-тармағы», «Еңбек кодексіне сәйкес».
/// Patterns run over text folded by <see cref="TextFolding"/>, which keeps every character's position.
/// </summary>
public static partial class CrossReferences
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>Ranges wider than this are cited by their ends only: listing a whole chapter helps no one.</summary>
    private const int MaxExpandedRange = 30;

    /// <summary>Up to this many words before «кодекс» may belong to a code's name («гражданского процессуального кодекса»).</summary>
    private const int NameWordsBefore = 2;

    /// <param name="titles">The catalog's acts by title, to resolve references that name an act by its quoted title; without it they keep no target.</param>
    /// <param name="impliedActId">The act the text around implies for references that name none (an amending law's instruction list: <see cref="AmendingIntro"/>).</param>
    public static IReadOnlyList<CrossReference> Find(string text, string actId, Language language, DateOnly? citedAt = null, ActTitleIndex? titles = null, string? impliedActId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var folded = TextFolding.Fold(text);
        var names = FindNames(folded, actId, language, citedAt);
        var consumed = new HashSet<int>();
        var found = new List<CrossReference>();
        if (language == Language.Kk)
        {
            FindKazakhArticles(text, folded, actId, names, consumed, found, titles, impliedActId);
        }
        else
        {
            FindRussianArticles(text, folded, actId, names, consumed, found, titles, impliedActId);
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (!consumed.Contains(i))
            {
                found.Add(new CrossReference(text[names[i].Start..names[i].End], names[i].ActId, null));
            }
        }

        return found.Distinct().ToArray();
    }

    private static void FindRussianArticles(string text, string folded, string actId, List<ActName> names, HashSet<int> consumed, List<CrossReference> found, ActTitleIndex? titles, string? impliedActId)
    {
        // «статьями 52, 53 и статьями 120-135 настоящего Кодекса»: the first list takes the act named after the last.
        var waiting = new List<Match>();
        foreach (Match match in RussianArticle().Matches(folded))
        {
            if (PublicationBefore().IsMatch(folded.AsSpan(Math.Max(0, match.Index - 40), Math.Min(40, match.Index))))
            {
                // «Ведомости Парламента…, 1997 г., № 24, ст. 341»: an item of the gazette, not an article of an act.
                continue;
            }

            var end = match.Index + match.Length;
            var target = (string?)null;
            var self = RussianSelf().Match(folded, end);
            if (self.Success)
            {
                target = actId;
                end = self.Index + self.Length;
            }
            else if (RussianAbbreviation().Match(folded, end) is { Success: true } abbreviation && Abbreviated(abbreviation.Groups["abbr"].Value) is { } abbreviated)
            {
                target = abbreviated;
                end = abbreviation.Index + abbreviation.Length;
            }
            else if (NameAt(names, SkipSpaces(folded, end)) is { } index)
            {
                consumed.Add(index);
                target = names[index].ActId;
                end = names[index].End;
            }
            else if (RussianActByName().Match(folded, end) is { Success: true } byName)
            {
                end = byName.Index + byName.Length;
                target = titles?.Find(byName.Groups["title"].Value, KindNamed(byName.Groups["kind"].Value));
            }
            else if (ListContinues().IsMatch(folded, end))
            {
                waiting.Add(match);
                continue;
            }

            target ??= impliedActId;
            foreach (var earlier in waiting)
            {
                Add(found, text[earlier.Index..(earlier.Index + earlier.Length)], target, earlier.Groups["arts"].Value, earlier.Groups["p"], earlier.Groups["sp"]);
            }

            waiting.Clear();
            Add(found, text[match.Index..end], target, match.Groups["arts"].Value, match.Groups["p"], match.Groups["sp"]);
        }

        foreach (var earlier in waiting)
        {
            Add(found, text[earlier.Index..(earlier.Index + earlier.Length)], impliedActId, earlier.Groups["arts"].Value, earlier.Groups["p"], earlier.Groups["sp"]);
        }
    }

    private static void FindKazakhArticles(string text, string folded, string actId, List<ActName> names, HashSet<int> consumed, List<CrossReference> found, ActTitleIndex? titles, string? impliedActId)
    {
        var previousEnd = -1;
        string? previousTarget = null;
        foreach (Match match in KazakhArticle().Matches(folded))
        {
            var start = match.Index;
            if (IsInlineHeading(text, match) || KazakhPublicationBefore().IsMatch(folded.AsSpan(Math.Max(0, start - 40), Math.Min(40, start))))
            {
                continue;
            }

            var target = (string?)null;
            var before = folded[Math.Max(0, start - 300)..start];
            if (KazakhSelf().Match(before) is { Success: true } self)
            {
                target = actId;
                start -= before.Length - self.Index;
            }
            else if (NameEndingAt(names, folded, start) is { } index)
            {
                consumed.Add(index);
                target = names[index].ActId;
                start = names[index].Start;
            }
            else if (KazakhActByName().Match(before) is { Success: true } byName)
            {
                start -= before.Length - byName.Index;
                target = titles?.Find(byName.Groups["title"].Value, KindNamed(byName.Groups["kind"].Value));
            }
            else if (KazakhAbbreviation().Match(before) is { Success: true } abbreviation && Abbreviated(abbreviation.Groups["abbr"].Value) is { } abbreviated)
            {
                start -= before.Length - abbreviation.Index;
                target = abbreviated;
            }
            else if (previousEnd >= 0 && ListJoin().IsMatch(folded.AsSpan(previousEnd, start - previousEnd)))
            {
                // «осы Заңның 20-6-бабының 1-тармағына және 47-бабына»: the second article is of the act named before the first.
                target = previousTarget;
            }

            target ??= impliedActId;
            Add(found, text[start..(match.Index + match.Length)], target, match.Groups["arts"].Value, match.Groups["p"], match.Groups["sp"]);
            previousEnd = match.Index + match.Length;
            previousTarget = target;
        }
    }

    /// <summary>«37-бап Депозитарий», «25-БАП Осы Келiсiмнiң»: a treaty's article heading run into the text, not a reference.</summary>
    private static bool IsInlineHeading(string text, Match match)
    {
        if (!match.Value.EndsWith("бап", StringComparison.Ordinal))
        {
            return false;
        }

        var next = match.Index + match.Length;
        while (next < text.Length && (text[next] == '.' || char.IsWhiteSpace(text[next])))
        {
            next++;
        }

        return next < text.Length && char.IsUpper(text[next]);
    }

    /// <summary>An abbreviation that names one known act only («ҚК», «УК», «КоАП»); «ГК» names both parts of the Civil code and none.</summary>
    private static string? Abbreviated(string abbreviation) =>
        KnownActs.FindByAbbreviation(abbreviation).Select(a => a.Id).Distinct(StringComparer.Ordinal).ToList() is [var one] ? one : null;

    private static void Add(List<CrossReference> found, string phrase, string? actId, string articles, Group point, Group subpoint)
    {
        var numbers = ArticleNumbers(articles);
        foreach (var number in numbers)
        {
            NormId? id = null;
            if (actId is not null)
            {
                id = numbers.Count == 1
                    ? new NormId(actId, number, point.Success ? point.Value : null, subpoint.Success && point.Success ? subpoint.Value : null)
                    : new NormId(actId, number);
            }

            found.Add(new CrossReference(phrase.Trim(), actId, id));
        }
    }

    /// <summary>«52, 53», «120-135», «14-1» (one article: the second number is not greater), «5 и 6», «12–14».</summary>
    private static List<string> ArticleNumbers(string articles)
    {
        var numbers = new List<string>();
        foreach (var raw in ListSeparator().Split(articles))
        {
            var item = raw.Trim();
            var dash = item.IndexOfAny(['–', '—']);
            var ends = dash >= 0 ? [item[..dash].Trim(), item[(dash + 1)..].Trim()] : item.Split('-');
            if (ends.Length == 2
                && int.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                && to > from)
            {
                if (to - from <= MaxExpandedRange)
                {
                    numbers.AddRange(Enumerable.Range(from, to - from + 1).Select(n => n.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    numbers.Add(ends[0]);
                    numbers.Add(ends[1]);
                }
            }
            else if (item.Length > 0)
            {
                numbers.Add(dash >= 0 ? item[..dash].Trim() : item);
            }
        }

        return numbers;
    }

    /// <summary>The kind of act a reference's word names: «закона» a law, «указа» a decree, «қаулысы» a resolution…</summary>
    internal static ActKind KindNamed(string word) => word switch
    {
        "закон" or "заң" => ActKind.Law,
        "указ" or "жарлығ" => ActKind.Decree,
        "постановлени" or "қаулы" => ActKind.Resolution,
        "приказ" or "бұйрығ" => ActKind.Order,
        "кодекс" => ActKind.Code,
        "решени" or "шешім" => ActKind.Decision,
        _ => ActKind.Unknown,
    };

    private readonly record struct ActName(int Start, int End, string ActId);

    /// <summary>Names of known acts («Трудовым кодексом», «Конституции», «Еңбек кодексіне»), in text order.</summary>
    private static List<ActName> FindNames(string folded, string actId, Language language, DateOnly? citedAt)
    {
        var names = new List<ActName>();
        var coveredTo = 0;
        foreach (var anchor in NameAnchor().EnumerateMatches(folded))
        {
            if (anchor.Index < coveredTo || IsSelfName(folded, anchor.Index))
            {
                continue;
            }

            foreach (var start in WordStartsBefore(folded, anchor.Index, coveredTo))
            {
                var window = folded.Substring(start, Math.Min(folded.Length - start, anchor.Index - start + 120));
                var best = (KnownAct?)null;
                var length = 0;
                var year = YearNamed(folded, start);
                foreach (var (act, matched) in KnownActs.MatchNameAt(window, 0, language))
                {
                    if (start + matched > anchor.Index && !IsAdjective(folded, anchor.Index)
                        && (year is null || act.AdoptedOn.Year == year) && IsBetter(act, best, actId, citedAt))
                    {
                        best = act;
                        length = matched;
                    }
                }

                if (best is not null)
                {
                    var end = WordEnd(folded, start + length);
                    names.Add(new ActName(start, end, best.Id == actId || SameName(best, actId) ? actId : best.Id));
                    coveredTo = end;
                    break;
                }
            }
        }

        return names;
    }

    /// <summary>«2008 жылғы 4 желтоқсандағы Бюджет кодексі»: the year a Kazakh name gives its act just before it, which tells two acts of one name apart.</summary>
    private static int? YearNamed(string folded, int nameStart)
    {
        var from = Math.Max(0, nameStart - 50);
        return KazakhYearBefore().Match(folded[from..nameStart]) is { Success: true } match
            ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The act cited: this act itself when it is the one named, else the latest adopted by the citing date.</summary>
    private static bool IsBetter(KnownAct candidate, KnownAct? best, string actId, DateOnly? citedAt)
    {
        if (best is null)
        {
            return citedAt is null || candidate.AdoptedOn <= citedAt || candidate.Id == actId;
        }

        if (candidate.Id == actId)
        {
            return true;
        }

        return best.Id != actId && citedAt is not null && candidate.AdoptedOn <= citedAt && candidate.AdoptedOn > best.AdoptedOn;
    }

    private static bool SameName(KnownAct named, string actId) =>
        KnownActs.FindById(actId) is { } self && self.RussianTitle == named.RussianTitle;

    /// <summary>«конституциялық» (constitutional) and «конституционный» name no act, though they start like «Конституция».</summary>
    private static bool IsAdjective(string folded, int anchor) =>
        folded.AsSpan(anchor).StartsWith("конституциял", StringComparison.Ordinal)
        || folded.AsSpan(anchor).StartsWith("конституционн", StringComparison.Ordinal);

    private static bool IsSelfName(string folded, int anchor)
    {
        var from = Math.Max(0, anchor - 16);
        return SelfWordBefore().IsMatch(folded.AsSpan(from, anchor - from));
    }

    /// <summary>Where a name ending at <paramref name="anchor"/>'s word may start: the anchor itself, then up to two words back.</summary>
    private static List<int> WordStartsBefore(string folded, int anchor, int limit)
    {
        var starts = new List<int> { anchor };
        var position = anchor;
        for (var word = 0; word < NameWordsBefore; word++)
        {
            var end = position;
            while (end > limit && folded[end - 1] == ' ')
            {
                end--;
            }

            var start = end;
            while (start > limit && (char.IsLetter(folded[start - 1]) || folded[start - 1] == '-'))
            {
                start--;
            }

            if (start == end || end == position)
            {
                break;
            }

            starts.Add(start);
            position = start;
        }

        starts.Reverse();
        return starts;
    }

    /// <summary>Names match word stems («трудов\w* кодекс»): the reference quotes the whole last word («кодексом»).</summary>
    private static int WordEnd(string text, int index)
    {
        while (index < text.Length && char.IsLetter(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int? NameAt(List<ActName> names, int start)
    {
        var index = names.FindIndex(name => name.Start == start);
        return index >= 0 ? index : null;
    }

    private static int? NameEndingAt(List<ActName> names, string folded, int articleStart)
    {
        var end = articleStart;
        while (end > 0 && char.IsWhiteSpace(folded[end - 1]))
        {
            end--;
        }

        var index = names.FindIndex(name => name.End >= end - 6 && name.End <= end);
        return index >= 0 ? index : null;
    }

    [GeneratedRegex(@"(?<![\w-])(?:(?:подпункт\w*|подп\.|пп\.)\s*(?<sp>\d+(?:-\d+)*)\)\s+)?(?:(?:пункт\w*|п\.)\s*(?<p>\d+(?:-\d+)*)\s+)?(?:стать(?:я|и|ю|ей|е|ям|ями|ях)|ст\.)\s*(?<arts>\d+(?:-\d+)*(?:\s*(?:,|\sи\s|–|—)\s*\d+(?:-\d+)*)*)", Options)]
    private static partial Regex RussianArticle();

    [GeneratedRegex(@"\G\s*(?:настоящ|этого\s|данного\s)\w*\s*(?:кодекс|закон|конституци|указ|постановлени|положени|правил|приказ|решени|регламент|договор|соглашени|конвенци|протокол|устав)\w*", Options)]
    private static partial Regex RussianSelf();

    [GeneratedRegex(@"\G\s*(?:конституционного\s+)?(?<kind>закон|указ|постановлени|кодекс|приказ|решени)\w*(?:\s+(?:республики\s+казахстан|рк|президента\s+республики\s+казахстан|правительства\s+республики\s+казахстан))?(?:\s+от\s+(?:[\d.]+|\d{1,2}\s+[а-я]+\s+\d{4})(?:\s+года)?(?:\s*(?:№|n)\s*[\w\-/]+)?)?\s*[«""“](?<title>[^»""”]{1,200})[»""”]", Options)]
    private static partial Regex RussianActByName();

    [GeneratedRegex(@"(?<![\w-])(?<arts>\d+(?:-\d+)*)-(?:бап|баб)\w*(?:\s+(?<p>\d+(?:-\d+)*)-тармағ\w*)?(?:\s+(?<sp>\d+(?:-\d+)*)\)\s*тармақша\w*)?", Options)]
    private static partial Regex KazakhArticle();

    [GeneratedRegex(@"(?:осы|аталған)\s+(?:заң|кодекс|конституция|жарлық|қаулы|бұйрық|шешім|ереже|қағида|шарт|келісім|конвенция|хаттама|жарғы)\w*\s*$", Options)]
    private static partial Regex KazakhSelf();

    [GeneratedRegex(@"[«""“](?<title>[^»""”]{1,200})[»""”]\s*(?:\d{4}\s+жылғы\s+\d{1,2}\s+[а-яәіңғүұқөһ]+\s+)?(?:қазақстан\s+республикасы(?:ның)?\s+)?(?:конституциялық\s+)?(?<kind>заң|кодекс|жарлығ|қаулы|бұйрығ|шешім)\w*\s*$", Options)]
    private static partial Regex KazakhActByName();

    [GeneratedRegex(@"(?:№|n)\s*\d+(?:-\d+)?(?:-[ivxі]+)?\s*,\s*$", Options)]
    private static partial Regex PublicationBefore();

    [GeneratedRegex(@"(?<year>\d{4})\s+жылғы\s+\d{1,2}\s+[а-яәіңғүұқөһ]+\s*(?:қазақстан\s+республикасының\s+)?$", Options)]
    private static partial Regex KazakhYearBefore();

    /// <summary>«2000 ж., N 6, 141-бап; 2001 ж., N 8, 53, 54-бап»: items of the gazette.</summary>
    [GeneratedRegex(@"(?:№|n)\s*\d+(?:-\d+)?\s*,\s*(?:\d+\s*,\s*)*$", Options)]
    private static partial Regex KazakhPublicationBefore();

    [GeneratedRegex(@"\G\s+(?<abbr>[а-яәіңғүұқөһ]{2,5})(?:\s+рк)?(?![\w-])", Options)]
    private static partial Regex RussianAbbreviation();

    [GeneratedRegex(@"(?<![\w-])(?<abbr>[а-яәіңғүұқөһ]{2,5})-(?:нің|ның|тің|тың|дің|дың)\s*$", Options)]
    private static partial Regex KazakhAbbreviation();

    [GeneratedRegex(@"^\s*(?:,|және|мен|немесе)\s*$", Options)]
    private static partial Regex ListJoin();

    [GeneratedRegex(@"кодекс|конституци", Options)]
    private static partial Regex NameAnchor();

    [GeneratedRegex(@"(?:настоящ\w*|этого|данного|осы)\s+$", Options)]
    private static partial Regex SelfWordBefore();

    [GeneratedRegex(@"\G\s*(?:,|и|или|а\s+также)\s+(?:под)?(?:пункт|стать)", Options)]
    private static partial Regex ListContinues();

    [GeneratedRegex(@"\s*,\s*|\s+и\s+", Options)]
    private static partial Regex ListSeparator();
}
