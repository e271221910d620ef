namespace Assistant.Core.Discussion.Analytics;

/// <summary>One day of a discussion: days without comments are listed too, so a chart's gaps are real silence.</summary>
public sealed record DailyStances(DateOnly Day, StanceCounts Counts);
