using Assistant.Core.Acts;
using Assistant.Core.Forecasts;

namespace Assistant.Core.Findings;

/// <summary>
/// The one rule that sets a finding's priority, from the highest act involved in the hierarchy of the Law «О правовых
/// актах», art. 10 (<see cref="ActHierarchy.Rank"/>), and from the references of other norms in force to the norms
/// involved:
/// <list type="bullet">
/// <item>high — the Constitution, a constitutional law or a code is involved, or at least <see cref="ReliedOn"/> references point at the norms;</item>
/// <item>medium — a law or a presidential decree is involved, or at least one reference points at the norms;</item>
/// <item>low — only bylaws (resolutions, orders, local decisions) or acts outside the hierarchy, nothing refers to them.</item>
/// </list>
/// A finding the detector itself discounts (a code reproduced by design) goes one step down.
/// </summary>
public static class FindingPriorityRule
{
    /// <summary>References from which the rest of the law relies on a norm heavily enough to review it first.</summary>
    public const int ReliedOn = 10;

    public static FindingPriority Of(ActKind kind, ActKind? otherKind, int inboundReferences, bool discounted = false)
    {
        var ranks = new[] { ActHierarchy.Rank(kind), otherKind is { } other ? ActHierarchy.Rank(other) : null }.OfType<int>().ToList();
        var highest = ranks.Count == 0 ? int.MaxValue : ranks.Min();
        var priority = highest <= ActHierarchy.Rank(ActKind.Code) || inboundReferences >= ReliedOn
            ? FindingPriority.High
            : highest <= ActHierarchy.Rank(ActKind.Decree) || inboundReferences > 0
                ? FindingPriority.Medium
                : FindingPriority.Low;
        return discounted && priority != FindingPriority.Low ? priority + 1 : priority;
    }
}
