namespace Assistant.Storage.Vectors;

/// <summary>
/// Size-tiered merging: segments fall into tiers by live rows (base, base × factor, base × factor², …); when the
/// newest segments hold <c>factor</c> of the same tier (or smaller), they become one. Each row is rewritten about
/// log_factor(rows / base) times, and the segment count stays near (factor − 1) × tiers.
/// </summary>
internal static class MergePolicy
{
    /// <returns>The first segment and count of the run to merge, or null.</returns>
    public static (int Start, int Count)? Choose(IReadOnlyList<int> liveRows, int factor, int baseRows)
    {
        if (liveRows.Count < factor)
        {
            return null;
        }

        var tier = Tier(liveRows[^1], factor, baseRows);
        var start = liveRows.Count - 1;
        while (start > 0 && Tier(liveRows[start - 1], factor, baseRows) <= tier)
        {
            start--;
        }

        var count = liveRows.Count - start;
        return count >= factor ? (start, count) : null;
    }

    private static int Tier(int rows, int factor, int baseRows)
    {
        var tier = 0;
        for (long limit = baseRows; rows > limit; limit *= factor)
        {
            tier++;
        }

        return tier;
    }
}
