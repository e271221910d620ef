using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Vectors;

/// <summary>
/// Turns text into BM25 sparse vectors for a store that weighs terms by inverse document frequency itself (Qdrant's
/// "idf" modifier): a document carries the term-frequency part of BM25, tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)),
/// a query 1 per distinct term, so their dot product times idf is the BM25 score. Terms are those of
/// <see cref="TextAnalyzer"/>, the lexical index's own.
/// </summary>
/// <remarks>
/// A term's id is FNV-1a (32-bit) of its UTF-8 bytes with the sign bit cleared: stable across processes and
/// versions, with no vocabulary to store. Among V distinct terms about V²/2³² pairs share an id (≈ 21 for 300,000
/// stems), and a given term collides with probability ≈ V/2³¹ (0.014%); colliding terms are summed into one
/// entry, which only blurs the idf of those rare pairs.
/// </remarks>
public sealed class Bm25SparseEncoder
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <param name="averageLength">Mean number of terms in a document of the collection (norms run around 150).</param>
    /// <param name="k1">Term-frequency saturation.</param>
    /// <param name="b">Length normalisation, 0 (none) to 1 (full).</param>
    public Bm25SparseEncoder(double averageLength, double k1 = 1.2, double b = 0.75)
    {
        if (!(averageLength > 0) || double.IsInfinity(averageLength))
        {
            throw new ArgumentOutOfRangeException(nameof(averageLength), averageLength, "The average document length must be a positive number of terms.");
        }

        if (!(k1 >= 0) || double.IsInfinity(k1))
        {
            throw new ArgumentOutOfRangeException(nameof(k1), k1, "k1 must be a finite number ≥ 0.");
        }

        if (!(b is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "b must lie between 0 and 1.");
        }

        AverageLength = averageLength;
        K1 = k1;
        B = b;
    }

    public double AverageLength { get; }

    public double K1 { get; }

    public double B { get; }

    /// <summary>The sparse vector stored with a norm of this text.</summary>
    public SparseVector EncodeDocument(string text, Language language) => EncodeDocument(TextAnalyzer.Terms(text, language));

    /// <summary>The sparse vector of a document already split into terms (duplicates kept).</summary>
    public SparseVector EncodeDocument(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
        }

        var lengthNorm = K1 * (1 - B + (B * terms.Count / AverageLength));
        var weights = new Dictionary<int, double>(frequencies.Count);
        foreach (var (term, frequency) in frequencies)
        {
            var id = TermId(term);
            weights[id] = weights.GetValueOrDefault(id) + (frequency * (K1 + 1) / (frequency + lengthNorm));
        }

        return Sorted(weights);
    }

    /// <summary>The sparse vector of a question: 1 per distinct term.</summary>
    /// <param name="language">The question's language when known; null stems plain Cyrillic as Russian.</param>
    public static SparseVector EncodeQuery(string text, Language? language = null) => EncodeQuery(TextAnalyzer.Terms(text, language));

    public static SparseVector EncodeQuery(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var weights = new Dictionary<int, double>(terms.Count);
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            var id = TermId(term);
            weights[id] = weights.GetValueOrDefault(id) + 1;
        }

        return Sorted(weights);
    }

    /// <summary>FNV-1a (32-bit) of the term's UTF-8 bytes with the sign bit cleared.</summary>
    public static int TermId(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var hash = FnvOffsetBasis;
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in term.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(utf8);
            foreach (var value in utf8[..length])
            {
                hash = (hash ^ value) * FnvPrime;
            }
        }

        return (int)(hash & 0x7FFF_FFFF);
    }

    private static SparseVector Sorted(Dictionary<int, double> weights)
    {
        var indices = weights.Keys.ToArray();
        Array.Sort(indices);
        var values = new float[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            values[i] = (float)weights[indices[i]];
        }

        return new SparseVector(indices, values);
    }
}
