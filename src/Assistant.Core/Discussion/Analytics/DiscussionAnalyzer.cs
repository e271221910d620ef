using Assistant.Core.Acts;

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

    /// <summary><see cref="Method"/> for a reader of the language: what the web app shows beside the figures.</summary>
    public static string MethodIn(Language language) => language == Language.Kk
        ? "Позиция жалпы қолдау мен қарсылық сөздерінің тұрақты тізімі бойынша анықталады («қолдаймын», «қарсымын», " +
          "«поддерживаю», «против»): терістеу мен кекесін ескеріледі, «бірақ»/«но» сөзінен кейінгі бөлік басым, сұрақтар бейтарап саналады. " +
          "Тақырыптар бір позиция мен бір тілдегі пікірлерді ортақ сөздері мен қай бапқа жазылғаны бойынша топтастырады " +
          "(TF-IDF ұқсастығы, орташа байланыс кластерлеуі), сондықтан қолдау мен қарсылық бір тақырыпқа біріктірілмейді; " +
          "ортақ тақырыбы жоқ пікірлер «өзге» тобында."
        : "Позиция определяется по постоянному списку общих выражений поддержки и несогласия («поддерживаю», «против», " +
          "«қолдаймын», «келіспеймін»), с учётом отрицания и иронии; часть после «но»/«бірақ» весит больше, вопросы считаются нейтральными. " +
          "Темы объединяют комментарии одной позиции и одного языка по общим словам и по статье, к которой они оставлены " +
          "(сходство TF-IDF, кластеризация средней связи), поэтому поддержка и возражения никогда не смешиваются в одной теме; " +
          "комментарии без общей темы собраны в «прочие».";

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
