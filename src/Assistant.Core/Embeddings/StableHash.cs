namespace Assistant.Core.Embeddings;

/// <summary>
/// A hash that is the same in every process and on every machine (string.GetHashCode is randomised per process),
/// so that a seed alone decides the split and the sampled pairs.
/// </summary>
internal static class StableHash
{
    /// <summary>A number in [0, 1) drawn from the text and the seed.</summary>
    public static double Fraction(string text, int seed) => (Of(text, seed) >> 11) * (1.0 / (1UL << 53));

    public static ulong Of(string text, int seed)
    {
        // FNV-1a over UTF-16 code units, then a SplitMix64 finaliser so that near-identical ids spread evenly.
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
