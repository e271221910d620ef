using Assistant.Core.Norms;
using Assistant.Core.Vectors;

namespace Assistant.Core.Retrieval;

/// <summary>
/// Fuses a lexical and a dense ranking by reciprocal rank (Cormack, Clarke and Büttcher 2009): scores on the two
/// sides are not comparable, their ranks are. Norms the question names keep the first places, as in lexical search.
/// A paragraph and its article are one entry (the article's vector stands for both), shown as the paragraph.
/// </summary>
public static class ReciprocalRankFusion
{
    public static IReadOnlyList<RankedNorm> Fuse(IReadOnlyList<LexicalCandidate> lexical, IReadOnlyList<VectorHit> dense, int k, int top, double lexicalWeight = 1, double denseWeight = 1)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(dense);
        ArgumentOutOfRangeException.ThrowIfNegative(k);

        var entries = new Dictionary<VectorKey, Entry>();
        var order = new List<Entry>();
        for (var i = 0; i < lexical.Count; i++)
        {
            var candidate = lexical[i];
            var key = new VectorKey(candidate.NormId.TopLevel, candidate.Language);
            if (entries.ContainsKey(key))
            {
                continue;
            }

            var entry = new Entry(candidate.NormId, key) { LexicalRank = i + 1, NamedInQuery = candidate.NamedInQuery };
            entries.Add(key, entry);
            order.Add(entry);
        }

        for (var i = 0; i < dense.Count; i++)
        {
            var key = dense[i].Key;
            if (entries.TryGetValue(key, out var entry))
            {
                entry.DenseRank ??= i + 1;
                continue;
            }

            entry = new Entry(key.NormId, key) { DenseRank = i + 1 };
            entries.Add(key, entry);
            order.Add(entry);
        }

        // Stable: ties keep lexical order first, then dense order.
        return [.. order
            .Select((entry, position) => (entry, position, score: Score(entry, k, lexicalWeight, denseWeight)))
            .OrderByDescending(item => item.entry.NamedInQuery)
            .ThenByDescending(item => item.score)
            .ThenBy(item => item.position)
            .Take(top)
            .Select(item => new RankedNorm(item.entry.NormId, item.entry.Key.Language, item.score, item.entry.LexicalRank, item.entry.DenseRank, item.entry.NamedInQuery))];
    }

    private static double Score(Entry entry, int k, double lexicalWeight, double denseWeight) =>
        (entry.LexicalRank is { } lexical ? lexicalWeight / (k + lexical) : 0) + (entry.DenseRank is { } dense ? denseWeight / (k + dense) : 0);

    private sealed class Entry(NormId normId, VectorKey key)
    {
        public NormId NormId { get; } = normId;

        public VectorKey Key { get; } = key;

        public int? LexicalRank { get; init; }

        public int? DenseRank { get; set; }

        public bool NamedInQuery { get; init; }
    }
}
