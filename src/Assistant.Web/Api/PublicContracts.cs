namespace Assistant.Web.Api;

// The public discussion of drafts (issue 19): the portal's, the moderators' and the analysts' JSON, as the web app
// reads it.

/// <summary>A draft put up for discussion, until <see cref="ClosesAt"/>.</summary>
public sealed record Publication(string DraftId, DateTimeOffset PublishedAt, string PublishedBy, DateTimeOffset ClosesAt);

public sealed record PublicAct(string Id, string Title);

/// <summary>A draft on the portal's list; <see cref="Comments"/> counts its published comments.</summary>
public sealed record PublicDraftSummary(string Id, string Title, string Lang, IReadOnlyList<PublicAct> Acts, DateTimeOffset PublishedAt, DateTimeOffset ClosesAt, bool Open, int Comments);

public sealed record PublicDraft(
    string Id,
    string Title,
    string Lang,
    string Text,
    IReadOnlyList<PublicAct> Acts,
    DateTimeOffset PublishedAt,
    DateTimeOffset ClosesAt,
    bool Open,
    IReadOnlyList<DraftArticle> Outline,
    IReadOnlyList<PublicChange> Changes,
    int Comments,
    int Supports);

/// <summary>One of the draft's own articles and its points, which a comment may name.</summary>
/// <param name="Article">The article's number («1» of «Статья 1.» or «1-бап.»).</param>
/// <param name="Heading">The article's first line, as the draft writes it.</param>
/// <param name="Points">The numbers of its points («1» of «1)»).</param>
public sealed record DraftArticle(string Article, string? Heading, IReadOnlyList<string> Points);

/// <summary>A norm of the catalog the draft changes, with its redline; <see cref="Article"/> is the norm's article in the act.</summary>
public sealed record PublicChange(string Act, string Norm, string? Article, string Before, string After, IReadOnlyList<RedlinePiece> Redline);

/// <param name="Mode">generated, extract or abstention.</param>
/// <param name="Label">The line that tells the reader the answer was written automatically.</param>
public sealed record PublicAnswer(string Mode, string Lang, string Text, IReadOnlyList<PublicCitation> Citations, IReadOnlyList<PublicCitation> Closest, string? AbstentionReason, string Label);

/// <param name="Source">draft (the draft's wording of the norm) or law (the act in force).</param>
/// <param name="Norm">The catalog norm; absent for the draft's own articles, which the catalog does not hold.</param>
public sealed record PublicCitation(int Number, string? Norm, string Citation, string Source);

/// <summary>A visitor's comment on the draft, or on one of its articles and points.</summary>
public sealed record CommentSubmission(string Text, string? Article, string? Point);

/// <param name="Masked">Kinds of personal data that moderation will mask: iin, phone, email, name.</param>
public sealed record CommentReceipt(long Id, string Status, IReadOnlyList<string> Masked);

public sealed record PublicComment(long Id, string? Article, string? Point, string Text, string Lang, DateTimeOffset PublishedAt, int Supports, CommentReply? Reply);

/// <summary>The drafting body's answer to a comment.</summary>
public sealed record CommentReply(string Text, string By, DateTimeOffset At);

public sealed record SupportCount(int Supports);

/// <param name="Text">The masked text, as it would be published.</param>
/// <param name="Original">The text as submitted, kept only until the comment is moderated.</param>
/// <param name="Status">pending, published or rejected.</param>
public sealed record ModeratedComment(
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
    CommentReply? Reply);

public sealed record ModerationEntry(long Sequence, DateTimeOffset At, string User, string Role, string Action, string DraftId, long? CommentId, string? Detail);

/// <summary>What the published comments on a draft say, for deputies and experts.</summary>
/// <param name="TopicModel">The model that named and summarised the topics; absent when none did.</param>
public sealed record Discussion(string DraftId, int Total, StanceCounts Stances, IReadOnlyList<StanceDay> OverTime, IReadOnlyList<ArticleStances> Articles, IReadOnlyList<DiscussionTopic> Topics, string Method, string? TopicModel = null);

public sealed record StanceCounts(int Support, int Oppose, int Neutral)
{
    public int Total => Support + Oppose + Neutral;
}

public sealed record StanceDay(DateOnly Day, int Support, int Oppose, int Neutral);

/// <summary>Stances on one article; <see cref="Article"/> is absent for comments on the draft as a whole.</summary>
public sealed record ArticleStances(string? Article, int Support, int Oppose, int Neutral);

/// <summary>Comments of one stance on one topic; <see cref="Name"/> and <see cref="Summary"/> are a model's, when one is configured.</summary>
/// <param name="Stance">support, oppose or neutral.</param>
/// <param name="Other">The comments of this stance and language that share a theme with no other.</param>
public sealed record DiscussionTopic(string Stance, string Lang, IReadOnlyList<string> KeyTerms, int Comments, IReadOnlyList<TopicExample> Examples, string? Name, string? Summary, bool Other = false);

public sealed record TopicExample(long Id, string Text);
