using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Audit;
using Assistant.Core.Discussion;
using Assistant.Core.Discussion.Analytics;
using Assistant.Core.Text;

namespace Assistant.Core.Findings;

/// <summary>Where a question was asked.</summary>
public enum DemandChannel
{
    Chat,

    /// <summary>The public portal's questions on a draft under discussion.</summary>
    Portal,
}

/// <param name="Month">«2026-11».</param>
public sealed record MonthCount(string Month, int Questions);

/// <summary>Unanswered questions on one subject, named by the words they share (never by a question's text).</summary>
public sealed record DemandTopic(Language Language, IReadOnlyList<string> Terms, int Questions, int Chat, int Portal, IReadOnlyList<MonthCount> ByMonth);

/// <param name="Asked">Questions put to the chat and the portal in the period.</param>
/// <param name="Unanswered">Of them, those that ended without a grounded answer: no norm cited.</param>
/// <param name="Ungrouped">Unanswered questions that share a subject with no other: counted, not named.</param>
public sealed record UnmetDemandReport(int Asked, int Unanswered, int Ungrouped, IReadOnlyList<DemandTopic> Topics, IReadOnlyList<MonthCount> ByMonth);

/// <summary>
/// What people ask that the law in the index does not answer. The audit trail does not keep the answer's mode, but an
/// answer that cites no norm is either the abstention (which low term coverage also ends in) or one the verification
/// stripped of every citation: neither rests on the law. Questions are grouped by TF-IDF over their stems and
/// average-linkage clustering; a topic is named only by stems that at least two of its questions share, and question
/// text is never shown, so a name or number someone typed cannot reach the report.
/// </summary>
public static class UnmetDemand
{
    /// <summary>Average cosine at which two short questions share a subject; questions share fewer words than comments do.</summary>
    public const double Threshold = 0.2;

    private const int MinTopicSize = 2;
    private const int LabelTerms = 3;

    /// <summary>Clustering is O(n²): beyond this many unanswered questions the rest join the nearest topic or stay ungrouped.</summary>
    private const int MaxClustered = 3000;

    public static async Task<UnmetDemandReport> ReadAsync(IAuditTrail audit, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var entries = new List<AuditEntry>();
        await foreach (var record in audit.ReadAsync(since, until, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(record.Entry);
        }

        return Of(entries);
    }

    public static UnmetDemandReport Of(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var questions = entries.Where(IsQuestion).ToList();
        var unanswered = questions.Where(e => e.Citations.Count == 0).Select(Read).ToList();
        var topics = new List<DemandTopic>();
        var ungrouped = 0;
        foreach (var language in Enum.GetValues<Language>())
        {
            var inLanguage = unanswered.Where(q => q.Language == language).ToList();
            if (inLanguage.Count > 0)
            {
                ungrouped += Group(inLanguage, language, topics);
            }
        }

        return new UnmetDemandReport(
            questions.Count,
            unanswered.Count,
            ungrouped,
            [.. topics.OrderByDescending(t => t.Questions).ThenBy(t => string.Join(' ', t.Terms), StringComparer.Ordinal)],
            Months(unanswered));
    }

    /// <summary>Chat and portal turns; a forecast's audit entry records a draft, not a question.</summary>
    private static bool IsQuestion(AuditEntry entry) => entry.ConversationId is not null;

    private sealed record Question(DateTimeOffset At, Language Language, DemandChannel Channel, Dictionary<string, int> Stems, Dictionary<string, string> Surface);

    private static Question Read(AuditEntry entry)
    {
        var language = ScriptLanguage.Detect(entry.Question);
        var masked = PersonalDataMask.Apply(entry.Question, language).Text;
        var stems = new Dictionary<string, int>(StringComparer.Ordinal);
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in Words(masked))
        {
            if (TextAnalyzer.Terms(word, language) is not [var stem] || stem.Length < 3 || stem.All(char.IsDigit))
            {
                continue;
            }

            stems[stem] = stems.GetValueOrDefault(stem) + 1;
            surface.TryAdd(stem, word.ToLowerInvariant());
        }

        var channel = entry.Role == "public" || entry.ConversationId!.StartsWith("draft:", StringComparison.Ordinal) ? DemandChannel.Portal : DemandChannel.Chat;
        return new Question(entry.At, language, channel, stems, surface);
    }

    /// <summary>The words outside the mask's bracketed placeholders.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        var inPlaceholder = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (c == '[')
            {
                inPlaceholder = true;
            }
            else if (c == ']')
            {
                inPlaceholder = false;
            }

            if (char.IsLetterOrDigit(c) && !inPlaceholder)
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    /// <summary>Adds the topics of one language's questions; returns how many stayed ungrouped.</summary>
    private static int Group(List<Question> questions, Language language, List<DemandTopic> topics)
    {
        var frequency = questions.SelectMany(q => q.Stems.Keys).CountBy(s => s, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        double Idf(string stem) => Math.Log((1.0 + questions.Count) / (1.0 + frequency[stem])) + 1.0;
        var vectors = questions.Select(q => TermVector.Of(q.Stems, Idf)).ToList();
        var clustered = Enumerable.Range(0, questions.Count).Where(i => vectors[i].Weights.Count > 0).Take(MaxClustered).ToList();
        var clusters = AverageLinkage.Cluster(clustered.Count, (a, b) => vectors[clustered[a]].Cosine(vectors[clustered[b]]), Threshold)
            .Select(c => c.Select(k => clustered[k]).ToList())
            .Where(c => c.Count >= MinTopicSize)
            .ToList();
        var placed = clusters.SelectMany(c => c).ToHashSet();
        var centroids = clusters.Select(c => TermVector.Normalized(c.SelectMany(i => vectors[i].Weights).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal))).ToList();
        var inCap = clustered.ToHashSet();
        var ungrouped = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            if (placed.Contains(i))
            {
                continue;
            }

            var nearest = inCap.Contains(i) ? -1 : Nearest(vectors[i], centroids);
            if (nearest >= 0)
            {
                clusters[nearest].Add(i);
            }
            else
            {
                ungrouped++;
            }
        }

        foreach (var cluster in clusters)
        {
            var members = cluster.Select(i => questions[i]).ToList();
            var shared = members.SelectMany(m => m.Stems.Keys).CountBy(s => s, StringComparer.Ordinal)
                .Where(p => p.Value >= MinTopicSize)
                .OrderByDescending(p => p.Value * Idf(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(LabelTerms)
                .Select(p => members.Select(m => m.Surface.GetValueOrDefault(p.Key)).First(s => s is not null)!)
                .ToList();
            if (shared.Count == 0)
            {
                ungrouped += members.Count;
                continue;
            }

            topics.Add(new DemandTopic(language, shared, members.Count, members.Count(m => m.Channel == DemandChannel.Chat), members.Count(m => m.Channel == DemandChannel.Portal), Months(members)));
        }

        return ungrouped;
    }

    private static int Nearest(TermVector vector, List<TermVector> centroids)
    {
        var best = -1;
        var bestScore = Threshold;
        for (var c = 0; c < centroids.Count; c++)
        {
            var score = vector.Cosine(centroids[c]);
            if (score >= bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return best;
    }

    private static List<MonthCount> Months(IEnumerable<Question> questions) => [.. questions
        .GroupBy(q => q.At.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture), StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new MonthCount(g.Key, g.Count()))];
}
