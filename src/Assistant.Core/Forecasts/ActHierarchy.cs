using Assistant.Core.Acts;

namespace Assistant.Core.Forecasts;

/// <summary>Where the other act stands against the amended one in the hierarchy of legal acts.</summary>
public enum HierarchyRelation
{
    /// <summary>One of the two kinds has no place in the hierarchy (unknown, other).</summary>
    Unknown,
    Same,

    /// <summary>The other act is higher: the draft would make the amended act contradict it.</summary>
    Higher,

    /// <summary>The other act is lower: it would now contradict the amended, higher act.</summary>
    Lower,
}

/// <summary>
/// The hierarchy of normative legal acts (Law «О правовых актах», art. 10): the Constitution, constitutional laws,
/// codes, laws, presidential decrees, Government resolutions, ministerial orders, then the decisions of local bodies.
/// </summary>
public static class ActHierarchy
{
    /// <summary>0 for the Constitution, higher numbers lower; null for a kind outside the hierarchy.</summary>
    public static int? Rank(ActKind kind) => kind switch
    {
        ActKind.Constitution => 0,
        ActKind.ConstitutionalLaw => 1,
        ActKind.Code => 2,
        ActKind.Law => 3,
        ActKind.Decree => 4,
        ActKind.Resolution => 5,
        ActKind.Order => 6,
        ActKind.Decision => 7,
        _ => null,
    };

    /// <summary>Where <paramref name="other"/> stands against <paramref name="amended"/>.</summary>
    public static HierarchyRelation Relation(ActKind amended, ActKind other) => (Rank(amended), Rank(other)) switch
    {
        ({ } a, { } o) when o > a => HierarchyRelation.Lower,
        ({ } a, { } o) when o < a => HierarchyRelation.Higher,
        ({ }, { }) => HierarchyRelation.Same,
        _ => HierarchyRelation.Unknown,
    };
}
