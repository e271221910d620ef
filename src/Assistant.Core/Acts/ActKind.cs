namespace Assistant.Core.Acts;

/// <summary>The form of a normative legal act, as its header names it.</summary>
public enum ActKind
{
    Unknown,
    Constitution,
    Code,
    ConstitutionalLaw,
    Law,
    Decree,
    Resolution,
    Order,
    Decision,
    Other,
}
