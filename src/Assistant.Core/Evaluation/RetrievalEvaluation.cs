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

    /// <summary>Metrics overall, per language of the question, and per language and kind where the set gives kinds.</summary>
    public static EvaluationReport Report(IReadOnlyCollection<QueryOutcome> outcomes, int k, int skippedWithoutGold) =>
        new(k,
            RetrievalMetrics.Of(outcomes),
            outcomes.GroupBy(o => o.Query.Language)
                .OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => RetrievalMetrics.Of([.. g])),
            skippedWithoutGold)
        {
            ByKind = outcomes.Where(o => o.Query.Kind is not null)
                .GroupBy(o => $"{o.Query.Language.ToCode()} {o.Query.Kind}")
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => RetrievalMetrics.Of([.. g])),
        };
}

public sealed record EvaluationReport(int K, RetrievalMetrics Overall, IReadOnlyDictionary<Language, RetrievalMetrics> ByLanguage, int SkippedWithoutGold)
{
    /// <summary>By «language kind» («ru colloquial»); empty when the set gives no kinds.</summary>
    public IReadOnlyDictionary<string, RetrievalMetrics> ByKind { get; init; } = new Dictionary<string, RetrievalMetrics>();
}
