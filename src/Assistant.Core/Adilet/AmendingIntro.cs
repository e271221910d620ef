using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Adilet;

/// <summary>
/// The act an amending law's instruction list amends, from the line that opens it: «Внести в Трудовой кодекс
/// Республики Казахстан … следующие изменения:», «В Закон … «О правовых актах» внести следующие дополнения:»,
/// ««Құқықтық актілер туралы» … Заңына мынадай өзгерістер енгізілсін:». The references of the list («1) в статье 5:»,
/// «24) 60-бапта:») name no act: they are of that one.
/// </summary>
public static partial class AmendingIntro
{
    private const int MaxName = 600;

    /// <summary>Where each opening line ends and the act it names, in text order; acts not found are left out.</summary>
    public static IReadOnlyList<(int End, string ActId)> Find(string text, Language language, ActTitleIndex titles) =>
        [.. All(text, language, titles).Where(i => i.ActId is not null).Select(i => (i.End, i.ActId!))];

    /// <summary>Whether <paramref name="position"/> lies in an instruction list whose act the catalog does not hold.</summary>
    public static bool InListOfActOutside(string text, int position, Language language, ActTitleIndex titles)
    {
        var last = All(text, language, titles).LastOrDefault(i => i.End <= position);
        return last.End > 0 && last.ActId is null;
    }

    /// <summary>Every opening line: where it ends and the act it names, null when the catalog holds none of that name.</summary>
    /// <remarks>Anchored on the verb («внести», «енгізілсін»), so that texts without one cost a search for it only.</remarks>
    private static List<(int End, string? ActId)> All(string text, Language language, ActTitleIndex titles)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(titles);
        var folded = TextFolding.Fold(text);
        var found = new List<(int, string?)>();
        if (language == Language.Kk)
        {
            foreach (Match verb in KazakhVerb().Matches(folded))
            {
                // The name stands before the verb: from the previous colon or line, at most MaxName characters back.
                var from = Math.Max(Math.Max(folded.LastIndexOfAny([':', '\n'], Math.Max(0, verb.Index - 1)) + 1, 0), verb.Index - MaxName);
                Add(found, folded[from..verb.Index], verb.Index + verb.Length, language, titles);
            }
        }
        else
        {
            foreach (Match verb in RussianVerb().Matches(folded))
            {
                if (verb.Groups["before"].Success)
                {
                    // «В Закон … внести следующие изменения»: the name stands before the verb, after «в».
                    var from = Math.Max(folded.LastIndexOfAny([':', '\n'], Math.Max(0, verb.Index - 1)) + 1, verb.Index - MaxName);
                    Add(found, folded[from..verb.Index], verb.Index + verb.Length, language, titles);
                }
                else if (RussianListAfter().Match(folded, verb.Index + verb.Length) is { Success: true } list)
                {
                    Add(found, list.Groups["name"].Value, list.Index + list.Length, language, titles);
                }
            }
        }

        return found;
    }

    private static void Add(List<(int, string?)> found, string name, int end, Language language, ActTitleIndex titles) =>
        found.Add((end, Resolve(name, language, titles)));

    /// <summary>The act amended at <paramref name="position"/>: the one the last opening line before it names.</summary>
    public static string? At(IReadOnlyList<(int End, string ActId)> intros, int position)
    {
        ArgumentNullException.ThrowIfNull(intros);
        string? act = null;
        foreach (var (end, id) in intros)
        {
            if (end > position)
            {
                break;
            }

            act = id;
        }

        return act;
    }

    /// <summary>Where a code's name must stand to be the act amended: next to the verb, not in the publication after it.</summary>
    private const int NameReach = 120;

    /// <summary>
    /// A code named next to the verb («Внести в Гражданский кодекс … (Ведомости …, «О …»)»: the gazette after it may
    /// quote other titles), else a quoted title (the Kazakh name puts it last, next to «Заңына»); null when neither
    /// names one act of the catalog.
    /// </summary>
    private static string? Resolve(string name, Language language, ActTitleIndex titles)
    {
        var near = language == Language.Kk ? name[Math.Max(0, name.Length - NameReach)..] : name[..Math.Min(name.Length, NameReach)];
        if (KnownActs.FindByName(near).Select(a => a.Id).FirstOrDefault() is { } code)
        {
            return code;
        }

        var quotes = QuotedTitles.Pattern().Matches(name);
        if (quotes.Count == 0)
        {
            return null;
        }

        var quote = language == Language.Kk ? quotes[^1] : quotes[0];
        var kind = KindWord().Match(name, quote.Index + quote.Length) is { Success: true } word
            ? CrossReferences.KindNamed(word.Value.ToLowerInvariant())
            : ActKind.Unknown;
        return titles.Find(quote.Groups["title"].Value, kind);
    }

    /// <summary>«внести в» (the name follows), or «внести следующие изменения» after the name.</summary>
    [GeneratedRegex(@"(?<![\w-])(?:(?:внести|вносятся)\s+в\s+|(?<before>внести\s+(?:следующ\w+\s+)?(?:изменени|дополнени)\w*(?:\s+и\s+(?:изменени|дополнени)\w*)?))", RegexOptions.CultureInvariant)]
    private static partial Regex RussianVerb();

    [GeneratedRegex(@"\G(?<name>[^:]{3,600}?)\s(?:следующ\w+\s+)?(?:изменени|дополнени)\w*(?:\s+и\s+(?:изменени|дополнени)\w*)?", RegexOptions.CultureInvariant)]
    private static partial Regex RussianListAfter();

    [GeneratedRegex(@"\s+мынадай\s+(?:өзгеріс|толықтыру)\w*(?:\s+(?:мен|және)\s+(?:өзгеріс|толықтыру)\w*)?\s+енгізілсін", RegexOptions.CultureInvariant)]
    private static partial Regex KazakhVerb();

    [GeneratedRegex(@"закон|указ|постановлени|кодекс|приказ|решени|заң|жарлығ|қаулы|бұйрығ|шешім", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KindWord();
}
