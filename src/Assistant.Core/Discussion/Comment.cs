using Assistant.Core.Acts;

namespace Assistant.Core.Discussion;

/// <summary>
/// A visitor's comment on a draft under discussion, on the draft as a whole or on one of its articles or points.
/// Its <see cref="Text"/> is masked of personal data when it is submitted; <see cref="Original"/> is kept for the
/// moderator only until the comment is moderated.
/// </summary>
/// <param name="Article">The draft's own article the comment is on («1»); null for the draft as a whole.</param>
/// <param name="VisitorKey">A keyed hash of who submitted it, never the address itself.</param>
/// <param name="Fingerprint">The text's terms, for telling a resubmitted comment from a new one.</param>
public sealed record Comment(
    long Id,
    string DraftId,
    string? Article,
    string? Point,
    string Text,
    string? Original,
    IReadOnlyList<PersonalDataKind> Masked,
    Language Language,
    CommentStatus Status,
    DateTimeOffset SubmittedAt,
    string VisitorKey,
    string Fingerprint)
{
    public string? Reason { get; init; }

    public string? ModeratedBy { get; init; }

    public DateTimeOffset? ModeratedAt { get; init; }

    public int Supports { get; init; }

    public CommentReply? Reply { get; init; }
}

/// <summary>Where a comment stands: only published comments are shown to the public.</summary>
public enum CommentStatus
{
    Pending,

    Published,

    Rejected,
}

/// <summary>The drafting body's answer to a published comment, shown under it.</summary>
public sealed record CommentReply(string Text, string By, DateTimeOffset At);
