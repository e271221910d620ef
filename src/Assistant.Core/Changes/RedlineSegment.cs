namespace Assistant.Core.Changes;

/// <summary>What a stretch of a redline is: kept, removed from the old text or inserted into the new one.</summary>
public enum RedlineKind
{
    Kept,
    Deleted,
    Inserted,
}

/// <summary>A run of words of one kind in a redline, with the spacing between them as the text had it.</summary>
public sealed record RedlineSegment(RedlineKind Kind, string Text);
