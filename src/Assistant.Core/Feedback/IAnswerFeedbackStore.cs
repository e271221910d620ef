namespace Assistant.Core.Feedback;

/// <summary>Where readers' feedback on answers is kept for the admins.</summary>
public interface IAnswerFeedbackStore
{
    /// <summary>Saves the feedback and gives it back with its id.</summary>
    Task<AnswerFeedback> AddAsync(AnswerFeedback feedback, CancellationToken cancellationToken);

    /// <summary>Feedback newest first, of one kind when <paramref name="kind"/> is given, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AnswerFeedback>> ListAsync(FeedbackKind? kind, int limit, CancellationToken cancellationToken);
}
