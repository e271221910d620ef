namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// The analytics of one draft's public discussion: stance counts overall, per day and per article, and topics
/// within each stance. Deterministic and model-free, so the same comments always give the same figures and every
/// figure can be explained; measured on eval/comments by <c>indexer eval-comments</c>. Stance reading is linear in the
/// comments; topics are O(n²) per stance and language, capped at 3,000 comments each, which a few thousand comments
/// on a draft pass in well under a second.
/// </summary>
public static class DiscussionAnalyzer
{
    public const string Method =
        "Stance is read from a fixed list of general Russian and Kazakh expressions of support and opposition " +
        "(«поддерживаю», «против», «қолдаймын», «келіспеймін»), turned by negation and irony, with the clause after " +
        "«но»/«бірақ» weighing more and questions counting as neutral. Topics group comments of the same stance and " +
        "language by the words they share and the article they were left on (TF-IDF similarity, average-linkage " +
        "clustering), so support and opposition " +
        "are never merged into one topic; comments that share a theme with no other are listed as «other».";

    private static readonly StanceClassifier Classifier = new();

    public static DiscussionAnalysis Analyze(IReadOnlyList<CommentSample> comments) =>
        Analyze(comments, TopicClusterer.DefaultThreshold);

    /// <summary>As <see cref="Analyze(IReadOnlyList{CommentSample})"/>, with another topic similarity: for tuning it.</summary>
    /// <param name="topicSimilarity">The average cosine similarity at which comments share a topic: higher gives smaller, purer topics and more «other».</param>
    public static DiscussionAnalysis Analyze(IReadOnlyList<CommentSample> comments, double topicSimilarity)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var read = comments
            .Select(c =>
            {
                var tokens = CommentTokenizer.Tokenize(c.Text, c.Language);
                return new ReadComment(c, tokens, Classifier.Read(tokens));
            })
            .ToList();

        var stanceOf = new Dictionary<long, Stance>();
        foreach (var comment in read)
        {
            stanceOf[comment.Sample.Id] = comment.Stance;
        }

        return new DiscussionAnalysis(
            read.Count,
            StanceCounts.Of(read.Select(c => c.Stance)),
            OverTime(read),
            [.. read.GroupBy(c => c.Sample.Article)
                .OrderBy(g => g.Key, ArticleOrder.Instance)
                .Select(g => new ArticleStances(g.Key, StanceCounts.Of(g.Select(c => c.Stance))))],
            TopicClusterer.Find(read, topicSimilarity),
            stanceOf);
    }

    private static List<DailyStances> OverTime(List<ReadComment> comments)
    {
        if (comments.Count == 0)
        {
            return [];
        }

        var byDay = comments.ToLookup(c => DateOnly.FromDateTime(c.Sample.At.DateTime));
        var first = byDay.Min(g => g.Key);
        var last = byDay.Max(g => g.Key);
        var days = new List<DailyStances>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(new DailyStances(day, StanceCounts.Of(byDay[day].Select(c => c.Stance))));
        }

        return days;
    }
}
