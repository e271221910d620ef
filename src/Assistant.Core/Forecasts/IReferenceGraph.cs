using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Forecasts;

/// <summary>The catalog's references between norms in force, read the way a forecast needs them.</summary>
public interface IReferenceGraph
{
    /// <summary>
    /// References of current editions in <paramref name="language"/> whose target is one of <paramref name="targets"/>,
    /// lies inside one (a point of an affected article) or contains one (the article of an affected point).
    /// </summary>
    IReadOnlyList<ReferringNorm> ReferencesTo(IReadOnlyCollection<NormId> targets, Language language);

    /// <summary>The act's status in the catalog; null when the catalog does not hold it.</summary>
    ActStatus? StatusOf(string actId);
}

/// <param name="Text">The referring norm's own text, for the sentence the reference stands in.</param>
public sealed record ReferringNorm(NormId From, string ActTitle, string Reference, NormId Target, string Text);
