using Assistant.Core.Acts;

namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// One public comment as the analytics need it, apart from how discussions are stored.
/// </summary>
/// <param name="Article">The draft's article the comment was left on; null when it was left on the draft as a whole.</param>
/// <param name="At">When it was posted; its day is taken in this value's own offset, so the caller picks the time zone.</param>
public sealed record CommentSample(long Id, string Text, Language Language, string? Article, DateTimeOffset At);
