namespace Assistant.Core.Discussion.Analytics;

/// <summary>A comment's TF-IDF weights over stems, of unit length, so a dot product is the cosine.</summary>
internal sealed class TermVector
{
    private TermVector(Dictionary<string, double> weights) => Weights = weights;

    public IReadOnlyDictionary<string, double> Weights { get; }

    public static TermVector Of(IReadOnlyDictionary<string, int> counts, Func<string, double> idf) =>
        Normalized(counts.ToDictionary(p => p.Key, p => (1 + Math.Log(p.Value)) * idf(p.Key), StringComparer.Ordinal));

    /// <summary>The weights scaled to unit length: a cluster's centroid is the normalised sum of its comments.</summary>
    public static TermVector Normalized(Dictionary<string, double> weights)
    {
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var term in weights.Keys.ToList())
            {
                weights[term] /= norm;
            }
        }

        return new TermVector(weights);
    }

    public double Cosine(TermVector other)
    {
        var (small, large) = Weights.Count <= other.Weights.Count ? (Weights, other.Weights) : (other.Weights, Weights);
        var sum = 0.0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var theirs))
            {
                sum += weight * theirs;
            }
        }

        return sum;
    }
}
