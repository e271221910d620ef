namespace Assistant.Core.Discussion;

/// <summary>One step of running a discussion, as the moderation log keeps it: who did what to which draft or comment.</summary>
/// <param name="Detail">What was decided: a rejection's reason, a reply's text, a closing date.</param>
public sealed record ModerationAction(DateTimeOffset At, string User, string Role, ModerationActionKind Kind, string DraftId, long? CommentId, string Detail);

/// <summary>A moderation action with its place in the log (1, 2, 3… in the order appended).</summary>
public sealed record ModerationRecord(long Sequence, ModerationAction Action);

public enum ModerationActionKind
{
    /// <summary>A draft was opened to discussion, or its closing date moved.</summary>
    PublishDraft,

    /// <summary>A draft was taken off the portal.</summary>
    WithdrawDraft,

    PublishComment,

    RejectComment,

    /// <summary>The drafting body answered a published comment.</summary>
    ReplyToComment,
}
