namespace Assistant.Core.Findings;

/// <summary>
/// MinHash signatures of shingle sets and their LSH bands: two sets agree at a signature position with probability
/// equal to their Jaccard similarity, and two signatures that agree on all rows of any one band become a candidate
/// pair. With <see cref="Bands"/> × <see cref="Rows"/> = 20 × 3, pairs at Jaccard 0.5 are candidates 93% of the time
/// and at 0.8 practically always, while unrelated norms almost never meet.
/// </summary>
public static class MinHash
{
    public const int Bands = 20;

    public const int Rows = 3;

    public const int Length = Bands * Rows;

    // Fixed seeds: a signature computed in one run compares with one computed in another.
    private static readonly ulong[] Seeds = [.. Enumerable.Range(1, Length).Select(i => Shingles.Mix((ulong)i * 0x9E3779B97F4A7C15UL))];

    /// <summary>Writes the signature of <paramref name="shingles"/> into <paramref name="signature"/> (<see cref="Length"/> values).</summary>
    public static void Sign(IReadOnlyCollection<ulong> shingles, Span<uint> signature)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        ArgumentOutOfRangeException.ThrowIfLessThan(signature.Length, Length, nameof(signature));
        signature[..Length].Fill(uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Length; i++)
            {
                // One multiply-xorshift per position stands in for a random permutation of the 64-bit space.
                var permuted = (uint)(Shingles.Mix(shingle ^ Seeds[i]) >> 32);
                if (permuted < signature[i])
                {
                    signature[i] = permuted;
                }
            }
        }
    }

    /// <summary>The share of positions where the two signatures agree: an estimate of the sets' Jaccard similarity.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var agree = 0;
        for (var i = 0; i < Length; i++)
        {
            if (a[i] == b[i])
            {
                agree++;
            }
        }

        return agree / (double)Length;
    }

    /// <summary>The key of one band of a signature, for bucketing.</summary>
    public static ulong BandKey(ReadOnlySpan<uint> signature, int band)
    {
        var key = (ulong)band * 0x9E3779B97F4A7C15UL;
        for (var i = band * Rows; i < (band + 1) * Rows; i++)
        {
            key = Shingles.Mix(key ^ signature[i]);
        }

        return key;
    }
}
