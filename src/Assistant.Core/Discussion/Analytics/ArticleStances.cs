namespace Assistant.Core.Discussion.Analytics;

/// <summary>The stances on one article of a draft.</summary>
/// <param name="Article">Null for the comments on the draft as a whole.</param>
public sealed record ArticleStances(string? Article, StanceCounts Counts);
