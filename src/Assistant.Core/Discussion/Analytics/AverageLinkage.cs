namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// Average-linkage agglomerative clustering cut at a similarity, by the nearest-neighbour chain: O(n²) time and one
/// n×n matrix of floats (36 MB at 3,000 comments), where the textbook closest-pair search costs O(n³). Average
/// linkage is reducible, so the merges the chain finds are those of the textbook method, found in another order.
/// </summary>
internal static class AverageLinkage
{
    /// <summary>The clusters, as lists of item indices, of items whose average similarity reaches <paramref name="threshold"/>.</summary>
    public static List<List<int>> Cluster(int count, Func<int, int, double> similarity, double threshold)
    {
        var sim = new float[count * count];
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count; b++)
            {
                sim[(a * count) + b] = sim[(b * count) + a] = (float)similarity(a, b);
            }
        }

        var size = Enumerable.Repeat(1, count).ToArray();
        var active = Enumerable.Repeat(true, count).ToArray();
        var parent = Enumerable.Range(0, count).ToArray();
        var chain = new List<int>();
        for (var remaining = count; remaining > 1;)
        {
            if (chain.Count == 0)
            {
                chain.Add(Array.IndexOf(active, true));
            }

            var a = chain[^1];
            var previous = chain.Count > 1 ? chain[^2] : -1;
            var b = previous;
            var best = previous >= 0 ? sim[(a * count) + previous] : float.NegativeInfinity;
            for (var c = 0; c < count; c++)
            {
                if (active[c] && c != a && sim[(a * count) + c] > best)
                {
                    (b, best) = (c, sim[(a * count) + c]);
                }
            }

            if (b != previous)
            {
                chain.Add(b);
                continue;
            }

            // a and b are each other's nearest: merge b into a.
            chain.RemoveRange(chain.Count - 2, 2);
            if (best >= threshold)
            {
                parent[Find(parent, b)] = Find(parent, a);
            }

            for (var c = 0; c < count; c++)
            {
                if (active[c] && c != a && c != b)
                {
                    var merged = ((size[a] * sim[(a * count) + c]) + (size[b] * sim[(b * count) + c])) / (size[a] + size[b]);
                    sim[(a * count) + c] = sim[(c * count) + a] = merged;
                }
            }

            size[a] += size[b];
            active[b] = false;
            remaining--;
        }

        return [.. Enumerable.Range(0, count).GroupBy(i => Find(parent, i)).Select(g => g.ToList())];
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
