using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Evaluation;

/// <summary>
/// Scores ranked norms against gold answers. A retrieved norm matches a gold entry when the acts are equal and
/// the gold names no article or the same article.
/// </summary>
public static class RetrievalEvaluation
{
    public static QueryOutcome Score(EvalQuery query, IReadOnlyList<NormId> ranked, int k)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ranked);
        var top = ranked.Take(k).ToList();
        int? firstHit = null;
        for (var i = 0; i < top.Count && firstHit is null; i++)
        {
            if (query.Gold.Any(gold => Matches(top[i], gold)))
            {
                firstHit = i + 1;
            }
        }

        var recall = query.Gold.Count == 0 ? 0 : query.Gold.Count(gold => top.Any(id => Matches(id, gold))) / (double)query.Gold.Count;
        return new QueryOutcome(query, firstHit, recall, [.. top.Select(id => id.ToString())]);
    }

    public static bool Matches(NormId retrieved, GoldNorm gold) =>
        retrieved.ActId == gold.ActId && (gold.Article is null || retrieved.Article == gold.Article);

    /// <summary>Metrics overall and per language of the question.</summary>
    public static EvaluationReport Report(IReadOnlyCollection<QueryOutcome> outcomes, int k, int skippedWithoutGold) =>
        new(k,
            RetrievalMetrics.Of(outcomes),
            outcomes.GroupBy(o => o.Query.Language)
                .OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => RetrievalMetrics.Of([.. g])),
            skippedWithoutGold);
}

public sealed record EvaluationReport(int K, RetrievalMetrics Overall, IReadOnlyDictionary<Language, RetrievalMetrics> ByLanguage, int SkippedWithoutGold);
