using Assistant.Api.Endpoints;
using Assistant.Core.Acts;
using Assistant.Core.Discussion;

namespace Assistant.Api.Discussion;

/// <summary>POST /v1/drafts/{id}/publication.</summary>
internal sealed record PublicationRequest(DateTimeOffset? ClosesAt);

internal sealed record PublicationView(string DraftId, DateTimeOffset PublishedAt, string PublishedBy, DateTimeOffset ClosesAt)
{
    public static PublicationView Of(Publication p) => new(p.DraftId, p.PublishedAt, p.PublishedBy, p.ClosesAt);
}

internal sealed record ActRef(string Id, string Title);

/// <param name="Open">Comments are still accepted.</param>
/// <param name="Comments">Published comments.</param>
internal sealed record PublicDraftSummary(string Id, string Title, string Lang, IReadOnlyList<ActRef> Acts, DateTimeOffset PublishedAt, DateTimeOffset ClosesAt, bool Open, int Comments);

internal sealed record PublicDraft(
    string Id,
    string Title,
    string Lang,
    string Text,
    IReadOnlyList<ActRef> Acts,
    DateTimeOffset PublishedAt,
    DateTimeOffset ClosesAt,
    bool Open,
    IReadOnlyList<OutlineArticle> Outline,
    IReadOnlyList<PublicChange> Changes,
    int Comments,
    int Supports);

/// <summary>An article of the draft that comments may name, with its points.</summary>
internal sealed record OutlineArticle(string Article, string Heading, IReadOnlyList<string> Points);

/// <summary>A norm the draft changes: the law in force beside the draft's text.</summary>
internal sealed record PublicChange(string Act, string Norm, string? Article, string Before, string After, IReadOnlyList<RedlineView> Redline);

internal sealed record PublicQuestion(string? Question, string? Lang);

/// <param name="Label">Tells the reader the answer was written automatically and binds nobody.</param>
internal sealed record PublicAnswer(string Mode, string Lang, string Text, IReadOnlyList<PublicCitation> Citations, IReadOnlyList<PublicCitation> Closest, string? AbstentionReason, string Label);

/// <param name="Norm">The catalog norm to open; null for the draft's own articles.</param>
/// <param name="Source">"draft": the draft's text; "law": the act in force.</param>
internal sealed record PublicCitation(int Number, string? Norm, string Citation, string Source);

internal sealed record CommentRequest(string? Text, string? Article, string? Point);

internal sealed record CommentAccepted(long Id, string Status, IReadOnlyList<string> Masked);

internal sealed record PublicComment(long Id, string? Article, string? Point, string Text, string Lang, DateTimeOffset PublishedAt, int Supports, ReplyView? Reply)
{
    public static PublicComment Of(Comment c) =>
        new(c.Id, c.Article, c.Point, c.Text, c.Language.ToCode(), c.ModeratedAt ?? c.SubmittedAt, c.Supports, ReplyView.Of(c.Reply));
}

internal sealed record ReplyView(string Text, string By, DateTimeOffset At)
{
    public static ReplyView? Of(CommentReply? reply) => reply is null ? null : new(reply.Text, reply.By, reply.At);
}

internal sealed record SupportView(int Supports);

internal sealed record ModeratedComment(
    long Id,
    string DraftId,
    string DraftTitle,
    string? Article,
    string? Point,
    string Text,
    string? Original,
    IReadOnlyList<string> Masked,
    string Lang,
    DateTimeOffset SubmittedAt,
    string Status,
    string? Reason,
    string? ModeratedBy,
    DateTimeOffset? ModeratedAt,
    ReplyView? Reply)
{
    public static ModeratedComment Of(Comment c, string draftTitle) => new(
        c.Id,
        c.DraftId,
        draftTitle,
        c.Article,
        c.Point,
        c.Text,
        c.Original,
        [.. c.Masked.Select(DiscussionCodes.Of)],
        c.Language.ToCode(),
        c.SubmittedAt,
        DiscussionCodes.Of(c.Status),
        c.Reason,
        c.ModeratedBy,
        c.ModeratedAt,
        ReplyView.Of(c.Reply));
}

internal sealed record RejectRequest(string? Reason);

internal sealed record ReplyRequest(string? Text);

internal sealed record ModerationLogEntry(long Sequence, DateTimeOffset At, string User, string Role, string Action, string DraftId, long? CommentId, string Detail)
{
    public static ModerationLogEntry Of(ModerationRecord r) =>
        new(r.Sequence, r.Action.At, r.Action.User, r.Action.Role, DiscussionCodes.Of(r.Action.Kind), r.Action.DraftId, r.Action.CommentId, r.Action.Detail);
}

/// <summary>The API's lower-case names of the discussion's enums.</summary>
internal static class DiscussionCodes
{
    public static string Of(PersonalDataKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(CommentStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.PublishDraft => "publish-draft",
        ModerationActionKind.WithdrawDraft => "withdraw-draft",
        ModerationActionKind.PublishComment => "publish-comment",
        ModerationActionKind.RejectComment => "reject-comment",
        _ => "reply",
    };

    public static bool TryParse(string? text, out CommentStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);
}
