namespace Assistant.Core.Discussion;

/// <summary>A draft opened to public discussion until <paramref name="ClosesAt"/>; a draft without one is never shown to the public.</summary>
public sealed record Publication(string DraftId, DateTimeOffset PublishedAt, string PublishedBy, DateTimeOffset ClosesAt)
{
    /// <summary>Whether comments are still accepted at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now) => now < ClosesAt;
}
