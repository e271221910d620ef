namespace Assistant.Core.Feedback;

/// <summary>What a reader says of one answer: it helped, it cites the wrong norm, or it misses a norm.</summary>
public enum FeedbackKind
{
    Useful,
    WrongCitation,
    MissingNorm,
}

/// <summary>
/// Feedback on one answer, with the question and answer it judges copied in, so that it reads on its own in the
/// admins' list even after the conversation is gone.
/// </summary>
/// <param name="Citations">Norm ids the answer cited.</param>
/// <param name="Comment">What the reader adds: the norm that was missing, the citation that was wrong.</param>
public sealed record AnswerFeedback(
    long Id,
    DateTimeOffset At,
    string User,
    string Role,
    string? ConversationId,
    FeedbackKind Kind,
    string Question,
    string Answer,
    string Mode,
    IReadOnlyList<string> Citations,
    string? Comment);
