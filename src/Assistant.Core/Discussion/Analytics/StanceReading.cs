namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// A comment's stance and the words that expressed it: topics leave those words out, or every supporter's
/// «поддерживаю» would pull their comments into one theme.
/// </summary>
internal sealed record StanceReading(Stance Stance, double Score, IReadOnlySet<int> CueTokens);
