namespace Assistant.Core.Discussion.Analytics;

/// <summary>What deputies read about one draft's (or one article's) public discussion.</summary>
/// <param name="OverTime">Every day from the first comment to the last.</param>
/// <param name="Articles">Only articles that have comments, the draft as a whole (null) first, then in article order.</param>
/// <param name="Topics">Largest first within each stance and language; each «other» bucket after its stance's topics.</param>
/// <param name="StanceOf">The stance read for each comment, so a reader can check any count against the comments.</param>
public sealed record DiscussionAnalysis(
    int Total,
    StanceCounts Stances,
    IReadOnlyList<DailyStances> OverTime,
    IReadOnlyList<ArticleStances> Articles,
    IReadOnlyList<Topic> Topics,
    IReadOnlyDictionary<long, Stance> StanceOf);
