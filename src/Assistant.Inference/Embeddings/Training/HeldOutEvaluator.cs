using System.Numerics.Tensors;

namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Ranks, for each held-out pair, its partner among all distinct held-out partners by cosine similarity to the anchor.
/// Partners with identical tokens are one candidate, so that a duplicate of the right answer is not counted as a miss.
/// </summary>
internal sealed class HeldOutEvaluator
{
    private readonly IReadOnlyList<TokenPair> pairs;
    private readonly int[] candidateOf;
    private readonly List<int[]> candidates = [];
    private readonly int maxTokens;
    private readonly ParallelOptions parallel;

    public HeldOutEvaluator(IReadOnlyList<TokenPair> pairs, int maxTokens, ParallelOptions parallel)
    {
        this.pairs = pairs;
        this.maxTokens = maxTokens;
        this.parallel = parallel;
        candidateOf = new int[pairs.Count];
        var distinct = new Dictionary<int[], int>(TokenSequenceComparer.Instance);
        for (var i = 0; i < pairs.Count; i++)
        {
            var tokens = Clip(pairs[i].Positive);
            if (!distinct.TryGetValue(tokens, out var index))
            {
                index = candidates.Count;
                distinct.Add(tokens, index);
                candidates.Add(tokens);
            }

            candidateOf[i] = index;
        }
    }

    public HeldOutAccuracy Evaluate(float[] vectors, float[] weights, int dimensions)
    {
        var d = dimensions;
        var anchors = new float[pairs.Count * d];
        var partners = new float[candidates.Count * d];
        Parallel.For(0, pairs.Count, parallel, i => Pooling.Forward(Clip(pairs[i].Anchor), weights, vectors, anchors.AsSpan(i * d, d)));
        Parallel.For(0, candidates.Count, parallel, j => Pooling.Forward(candidates[j], weights, vectors, partners.AsSpan(j * d, d)));
        var ranks = new int[pairs.Count];
        Parallel.For(0, pairs.Count, parallel, i =>
        {
            var anchor = anchors.AsSpan(i * d, d);
            var right = candidateOf[i];
            var score = TensorPrimitives.Dot(anchor, partners.AsSpan(right * d, d));
            var rank = 0;
            for (var j = 0; j < candidates.Count && rank < 10; j++)
            {
                // A tie counts against the pair: an empty vector must not look like a hit.
                if (j != right && TensorPrimitives.Dot(anchor, partners.AsSpan(j * d, d)) >= score)
                {
                    rank++;
                }
            }

            ranks[i] = rank;
        });

        return new HeldOutAccuracy(
            Figure("all", Enumerable.Range(0, pairs.Count), ranks),
            Groups(pair => pair.Kind, ranks),
            Groups(pair => pair.Languages, ranks),
            candidates.Count);
    }

    private List<AccuracyFigure> Groups(Func<TokenPair, string> key, int[] ranks) =>
        [.. Enumerable.Range(0, pairs.Count)
            .GroupBy(i => key(pairs[i]), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Figure(group.Key, group, ranks))];

    private static AccuracyFigure Figure(string name, IEnumerable<int> members, int[] ranks)
    {
        var list = members.ToList();
        return list.Count == 0
            ? new AccuracyFigure(name, 0, 0, 0)
            : new AccuracyFigure(name, list.Count, list.Count(i => ranks[i] == 0) / (double)list.Count, list.Count(i => ranks[i] < 10) / (double)list.Count);
    }

    private int[] Clip(int[] tokens) => tokens.Length <= maxTokens ? tokens : tokens[..maxTokens];
}
