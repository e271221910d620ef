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

    /// <summary>Names its act by a title no act of the catalog has: a reference out of the catalog.</summary>
    OutsideCatalog,

    /// <summary>Names its act by a title two or more acts of that kind share.</summary>
    AmbiguousTitle,

    /// <summary>Names a kind of act without its title («статьи 5 Закона», «Заңның 5-бабы»): the act was named earlier in the text.</summary>
    UnnamedAct,

    /// <summary>Numbers alone («статьей 15», «5-бап»): the act is implied by the context, which the parser did not read.</summary>
    Bare,
}

/// <summary>Sorts the references of the catalog by outcome, telling references out of the catalog from those the parser failed to read.</summary>
public static partial class ReferenceAudit
{
    public static ReferenceOutcome Classify(string phrase, string? targetActId, string? targetNormId, ActTitleIndex titles)
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
        var kind = KindWord().Match(folded) is { Success: true } word ? CrossReferences.KindNamed(word.Groups["kind"].Value) : ActKind.Unknown;
        if (QuotedTitle().Match(folded) is { Success: true } quoted)
        {
            return titles.Count(quoted.Groups["title"].Value, kind) == 0 ? ReferenceOutcome.OutsideCatalog : ReferenceOutcome.AmbiguousTitle;
        }

        return kind == ActKind.Unknown ? ReferenceOutcome.Bare : ReferenceOutcome.UnnamedAct;
    }

    [GeneratedRegex(@"[«""“](?<title>[^»""”]{2,200})[»""”]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"(?<![\w-])(?<kind>закон|указ|постановлени|кодекс|приказ|решени|заң|жарлығ|қаулы|бұйрығ|шешім)", RegexOptions.CultureInvariant)]
    private static partial Regex KindWord();
}
