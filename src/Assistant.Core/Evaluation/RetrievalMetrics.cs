namespace Assistant.Core.Evaluation;

/// <summary>Hit@1, Hit@k, Recall@k and MRR over a set of evaluated queries.</summary>
public sealed record RetrievalMetrics(int Queries, double HitAt1, double HitAtK, double RecallAtK, double Mrr)
{
    public static RetrievalMetrics Of(IReadOnlyCollection<QueryOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return new RetrievalMetrics(0, 0, 0, 0, 0);
        }

        return new RetrievalMetrics(
            outcomes.Count,
            outcomes.Average(o => o.FirstHitRank == 1 ? 1.0 : 0.0),
            outcomes.Average(o => o.FirstHitRank is not null ? 1.0 : 0.0),
            outcomes.Average(o => o.Recall),
            outcomes.Average(o => o.FirstHitRank is { } rank ? 1.0 / rank : 0.0));
    }
}

/// <summary>How one query fared: the rank of the first correct norm (1-based, within k) and the share of gold found.</summary>
public sealed record QueryOutcome(EvalQuery Query, int? FirstHitRank, double Recall, IReadOnlyList<string> Retrieved);
