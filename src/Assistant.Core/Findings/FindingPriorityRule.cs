using Assistant.Core.Acts;
using Assistant.Core.Forecasts;

namespace Assistant.Core.Findings;

/// <summary>
/// The priority of a gap or a broken reference: a norm of a law or a higher act (Law «О правовых актах», art. 10)
/// that many other norms rely on comes first. Kept apart from the duplicate and conflict detectors' rule until the two
/// are unified.
/// </summary>
public static class FindingPriorityRule
{
    /// <summary>As many inbound references as make a norm one the rest of the law leans on.</summary>
    public const int ReliedOn = 5;

    public static FindingPriority Of(ActKind kind, int inboundReferences)
    {
        var rank = ActHierarchy.Rank(kind);
        var statute = rank is <= 3;
        if (rank is <= 1 || (statute && inboundReferences >= ReliedOn))
        {
            return FindingPriority.High;
        }

        return statute || inboundReferences >= ReliedOn ? FindingPriority.Medium : FindingPriority.Low;
    }
}
