namespace Assistant.Core.Changes;

/// <summary>How a norm differs between two editions.</summary>
public enum ChangeKind
{
    Added,
    Changed,
    Repealed,
    Renumbered,
}

public static class ChangeKinds
{
    public static string ToCode(this ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Changed => "changed",
        ChangeKind.Repealed => "repealed",
        ChangeKind.Renumbered => "renumbered",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A top-level norm that differs between two editions, with the words that changed.</summary>
/// <param name="Id">The norm's id in the newer edition (in the older one when it is gone).</param>
/// <param name="Article">Its number as the act prints it («93», «124-1»).</param>
/// <param name="PreviousNumber">For a renumbered norm, its number in the older edition.</param>
public sealed record NormChange(string Id, string Article, ChangeKind Change, IReadOnlyList<RedlineSegment> Redline, string? PreviousNumber = null);

/// <summary>What changed in an act from one edition to another, norms in the newer edition's order.</summary>
public sealed record ChangeReport(string Act, string From, string To, IReadOnlyList<NormChange> Norms);
