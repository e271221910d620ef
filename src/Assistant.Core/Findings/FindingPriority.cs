namespace Assistant.Core.Findings;

/// <summary>
/// How soon a finding deserves an expert's time: from the level of the acts involved in the hierarchy of the Law «О
/// правовых актах», art. 10, and from how much the rest of the law relies on the norm (references to it).
/// </summary>
public enum FindingPriority
{
    High,
    Medium,
    Low,
}

public static class FindingPriorities
{
    public static string ToCode(this FindingPriority priority) => priority switch
    {
        FindingPriority.High => "high",
        FindingPriority.Medium => "medium",
        FindingPriority.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };
}
