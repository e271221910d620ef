namespace Assistant.Core.Discussion;

/// <summary>Where public discussions are kept: publications of drafts, comments and their supports, and the moderation log.</summary>
public interface IDiscussionStore
{
    /// <summary>A secret of this installation that visitor keys are hashed with: the same visitor gets the same key after a restart.</summary>
    ReadOnlyMemory<byte> VisitorSalt { get; }

    /// <summary>Opens the draft to discussion, or moves the closing date of one already open.</summary>
    Task<Publication> PublishAsync(Publication publication, CancellationToken cancellationToken);

    /// <summary>Takes the draft off the portal, keeping its comments; false when it was not published.</summary>
    Task<bool> WithdrawAsync(string draftId, CancellationToken cancellationToken);

    Task<Publication?> GetPublicationAsync(string draftId, CancellationToken cancellationToken);

    /// <summary>Every published draft, the latest closing date first.</summary>
    Task<IReadOnlyList<Publication>> ListPublicationsAsync(CancellationToken cancellationToken);

    /// <summary>Saves a new comment and gives it back with its id.</summary>
    Task<Comment> AddCommentAsync(Comment comment, CancellationToken cancellationToken);

    Task<Comment?> GetCommentAsync(long id, CancellationToken cancellationToken);

    /// <summary>Comments oldest first, of one draft and status when asked.</summary>
    Task<IReadOnlyList<Comment>> ListCommentsAsync(string? draftId, CommentStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>The fingerprints of the draft's comments that are pending or published: what a new comment must not repeat.</summary>
    Task<IReadOnlyList<string>> FingerprintsAsync(string draftId, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes or rejects a pending comment; publishing forgets its original text. Null when the comment is
    /// unknown or was already moderated (two moderators at once: the first decides).
    /// </summary>
    Task<Comment?> ModerateAsync(long id, CommentStatus decision, string moderator, string? reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sets the drafting body's reply to a published comment; null when the comment is unknown or not published.</summary>
    Task<Comment?> ReplyAsync(long id, CommentReply reply, CancellationToken cancellationToken);

    /// <summary>Counts the visitor's support of a published comment: the new count, or null when the visitor already supported it.</summary>
    Task<int?> SupportAsync(long commentId, string visitorKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Published comments and their supports per draft.</summary>
    Task<IReadOnlyDictionary<string, (int Comments, int Supports)>> PublishedCountsAsync(CancellationToken cancellationToken);

    Task<ModerationRecord> AppendModerationAsync(ModerationAction action, CancellationToken cancellationToken);

    /// <summary>The moderation log, newest first.</summary>
    Task<IReadOnlyList<ModerationRecord>> ModerationLogAsync(int limit, CancellationToken cancellationToken);
}
