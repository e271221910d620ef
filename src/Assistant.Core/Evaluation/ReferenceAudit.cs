using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Text;

namespace Assistant.Core.Evaluation;

/// <summary>What became of one reference the parser found: resolved, or why not.</summary>
public enum ReferenceOutcome
{
    /// <summary>Resolved to a norm of an act.</summary>
    Norm,

    /// <summary>Resolved to an act only («в соответствии с Трудовым кодексом»).</summary>
    Act,

    /// <summary>Names its act by a title no act of the catalog has, stands in an amending law's list of such an act, or uses a short name the act defines for one: a reference out of the catalog.</summary>
    OutsideCatalog,

    /// <summary>Names its act by a title two or more acts of that kind share.</summary>
    AmbiguousTitle,

    /// <summary>
    /// Names no act («статьей 15», «24) 60-бапта:», «Заңның 18-бабы»): the act is implied by the text around it — an
    /// amending law's instruction list, a short name defined earlier, a list — which the parser does not read.
    /// </summary>
    Bare,
}

/// <summary>Sorts the references of the catalog by outcome, telling references out of the catalog from those the parser failed to read.</summary>
public static partial class ReferenceAudit
{
    /// <param name="context">The text of the top-level norm the reference stands in, heading first, to tell a reference in an amending list of an act out of the catalog; null when not at hand.</param>
    /// <param name="shortNames">The short names the act defines (<see cref="ShortNames.Find"/>), to tell a reference by a short name of an act out of the catalog.</param>
    public static ReferenceOutcome Classify(
        string phrase, string? targetActId, string? targetNormId, ActTitleIndex titles, string? context = null, Language language = Language.Ru, IReadOnlyList<(string Stem, string? ActId)>? shortNames = null)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(titles);
        if (targetNormId is not null)
        {
            return ReferenceOutcome.Norm;
        }

        if (targetActId is not null)
        {
            return ReferenceOutcome.Act;
        }

        var folded = TextFolding.Fold(phrase);
        if (QuotedTitle().Match(folded) is not { Success: true } quoted)
        {
            var at = context?.IndexOf(phrase, StringComparison.Ordinal) ?? -1;
            var outside = at >= 0 && (AmendingIntro.InListOfActOutside(context!, at, language, titles)
                || ShortNames.Used(context!, at, at + phrase.Length, language, shortNames ?? []) is (true, null));
            return outside ? ReferenceOutcome.OutsideCatalog : ReferenceOutcome.Bare;
        }

        var kind = KindWord().Match(folded) is { Success: true } word ? CrossReferences.KindNamed(word.Groups["kind"].Value) : ActKind.Unknown;
        return titles.Count(quoted.Groups["title"].Value, kind) == 0 ? ReferenceOutcome.OutsideCatalog : ReferenceOutcome.AmbiguousTitle;
    }

    [GeneratedRegex(@"[«""“](?<title>[^»""”]{2,200})[»""”]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"(?<![\w-])(?<kind>закон|указ|постановлени|кодекс|приказ|решени|заң|жарлығ|қаулы|бұйрығ|шешім)", RegexOptions.CultureInvariant)]
    private static partial Regex KindWord();
}
