namespace Assistant.Core.Changes;

/// <summary>What a stretch of a redline is: kept, removed from the old text or inserted into the new one.</summary>
public enum RedlineKind
{
    Kept,
    Deleted,
    Inserted,
}

public static class RedlineKinds
{
    /// <summary>The kind as JSON names it: kept, deleted or inserted.</summary>
    public static string ToCode(this RedlineKind kind) => kind switch
    {
        RedlineKind.Kept => "kept",
        RedlineKind.Deleted => "deleted",
        RedlineKind.Inserted => "inserted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A run of words of one kind in a redline, with the spacing between them as the text had it.</summary>
public sealed record RedlineSegment(RedlineKind Kind, string Text);
