using System.Collections.Concurrent;
using Assistant.Core.Acts;

namespace Assistant.Storage.Catalog.Lexical;

/// <summary>
/// The catalog's FTS5 index (norm_fts) held in memory: per term, the top-level norms that have it with their heading
/// and body counts, and per norm what searches filter by. It ranks with FTS5's own bm25 over the same terms, so a
/// search returns what the FTS5 query would, without FTS5's per-row bm25 callback (about 2 µs for each matching
/// norm, thousands of them per question). Built for one catalog generation and never changed: a save makes it stale.
/// </summary>
internal sealed class TermIndex
{
    // FTS5's bm25 parameters, which it does not let a query change.
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, int> _termIds;
    private readonly int[] _termStarts;
    private readonly int[] _postingNorms;
    private readonly ushort[] _headingCounts;
    private readonly ushort[] _bodyCounts;
    private readonly IndexedNorms _norms;

    // bm25's length normalisation of each norm, k1 · (1 − b + b · length / average length): the same for every term.
    private readonly double[] _lengthNorms;
    private readonly ConcurrentBag<Accumulator> _accumulators = [];

    internal TermIndex(
        long generation,
        Dictionary<string, int> termIds,
        int[] termStarts,
        int[] postingNorms,
        ushort[] headingCounts,
        ushort[] bodyCounts,
        IndexedNorms norms)
    {
        Generation = generation;
        _termIds = termIds;
        _termStarts = termStarts;
        _postingNorms = postingNorms;
        _headingCounts = headingCounts;
        _bodyCounts = bodyCounts;
        _norms = norms;
        var averageLength = norms.Count == 0 ? 1 : (double)norms.TotalLength / norms.Count;
        _lengthNorms = new double[norms.Count];
        for (var norm = 0; norm < norms.Count; norm++)
        {
            _lengthNorms[norm] = K1 * (1 - B + (B * norms.Lengths[norm] / averageLength));
        }
    }

    /// <summary>The catalog's count of saves this index was built at.</summary>
    public long Generation { get; }

    /// <summary>Top-level norms of every edition, as in norm_fts.</summary>
    public int Norms => _norms.Count;

    public int Terms => _termIds.Count;

    public int Postings => _postingNorms.Length;

    /// <summary>What the index holds in managed memory, roughly: postings, per-norm columns and term strings.</summary>
    public long ApproximateBytes =>
        (_postingNorms.Length * 8L) + (_termStarts.Length * 4L) + (_norms.Count * 31L) + _termIds.Keys.Sum(term => 48L + (term.Length * 2L));

    /// <summary>How many norms have the term in their heading or body.</summary>
    public long NormsWith(string term) =>
        _termIds.TryGetValue(term, out var id) ? _termStarts[id + 1] - _termStarts[id] : 0;

    /// <summary>
    /// The <paramref name="wanted"/> best norms that have a selecting term and pass the filter, best first, scored as
    /// FTS5 scores the match expression <see cref="NormSearch"/> builds from the same terms: there a selecting term
    /// is a phrase twice when there are scoring terms (once to select, once among the scoring ones).
    /// </summary>
    /// <param name="headingWithheld">Rank on the bodies alone: a norm whose heading alone has a term is not selected by it.</param>
    public IReadOnlyList<RankedNorm> Rank(QueryTerms terms, NormFilter filter, int wanted, bool headingWithheld = false)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(filter);
        if (wanted <= 0 || _norms.Count == 0)
        {
            return [];
        }

        var accumulator = _accumulators.TryTake(out var free) ? free : new Accumulator(_norms.Count);
        try
        {
            var selectingWeight = terms.Scoring.Count > 0 ? 2.0 : 1.0;
            var headingWeight = headingWithheld ? 0 : NormSearch.HeadingWeight;
            foreach (var term in terms.Selecting)
            {
                Select(term, selectingWeight * terms.WeightOf(term), headingWeight, filter, accumulator);
            }

            // Scoring terms only add to the norms selected, and are common: looking those few norms up in a long
            // posting list beats walking all of it.
            accumulator.Touched.Sort();
            foreach (var term in terms.Scoring)
            {
                AddTo(term, terms.WeightOf(term), headingWeight, accumulator);
            }

            return Best(accumulator, wanted);
        }
        finally
        {
            accumulator.Clear();
            _accumulators.Add(accumulator);
        }
    }

    private void Select(string term, double weight, double headingWeight, NormFilter filter, Accumulator accumulator)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            return;
        }

        var (start, end) = (_termStarts[id], _termStarts[id + 1]);
        var weighted = weight * Idf(end - start) * (K1 + 1);
        var scores = accumulator.Scores;
        for (var posting = start; posting < end; posting++)
        {
            var norm = _postingNorms[posting];
            if (headingWeight == 0 && _bodyCounts[posting] == 0)
            {
                continue;
            }

            if (scores[norm] == 0)
            {
                if (!filter.Admits(_norms, norm))
                {
                    continue;
                }

                accumulator.Touched.Add(norm);
            }

            scores[norm] += weighted * Saturated(posting, norm, headingWeight);
        }
    }

    /// <summary>Adds a term's bm25 to the selected norms (sorted) that have it, galloping through its postings.</summary>
    private void AddTo(string term, double weight, double headingWeight, Accumulator accumulator)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            return;
        }

        var (start, end) = (_termStarts[id], _termStarts[id + 1]);
        var weighted = weight * Idf(end - start) * (K1 + 1);
        var scores = accumulator.Scores;
        var postings = _postingNorms.AsSpan();
        var at = start;
        foreach (var norm in accumulator.Touched)
        {
            // Double the step until past the norm, then search the last step.
            var step = 1;
            var low = at;
            while (low + step < end && postings[low + step] < norm)
            {
                low += step;
                step *= 2;
            }

            var found = postings[low..Math.Min(low + step + 1, end)].BinarySearch(norm);
            if (found >= 0)
            {
                at = low + found;
                scores[norm] += weighted * Saturated(at, norm, headingWeight);
            }
            else
            {
                at = low + ~found;
            }

            if (at >= end)
            {
                return;
            }
        }
    }

    /// <summary>FTS5's idf: never below a millionth, so that a very common term still counts a little.</summary>
    private double Idf(int norms)
    {
        var idf = Math.Log((_norms.Count - norms + 0.5) / (norms + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    /// <summary>The posting's column-weighted count, saturated by its norm's length: bm25 without the idf.</summary>
    private double Saturated(int posting, int norm, double headingWeight)
    {
        var frequency = (headingWeight * _headingCounts[posting]) + (NormSearch.BodyWeight * _bodyCounts[posting]);
        return frequency / (frequency + _lengthNorms[norm]);
    }

    private List<RankedNorm> Best(Accumulator accumulator, int wanted)
    {
        var scores = accumulator.Scores;
        var keys = _norms.Keys;

        // A min-heap of the best so far: its root is the first to drop. Ties go to the lower key, as FTS5 keeps rowid order.
        var heap = new PriorityQueue<int, (double Score, long NegatedKey)>(wanted + 1);
        foreach (var norm in accumulator.Touched)
        {
            var priority = (scores[norm], -keys[norm]);
            if (heap.Count < wanted)
            {
                heap.Enqueue(norm, priority);
            }
            else if (heap.TryPeek(out _, out var worst) && priority.CompareTo(worst) > 0)
            {
                heap.DequeueEnqueue(norm, priority);
            }
        }

        var best = new List<RankedNorm>(heap.Count);
        while (heap.TryDequeue(out var norm, out var priority))
        {
            best.Add(new RankedNorm(keys[norm], priority.Score));
        }

        best.Reverse();
        return best;
    }

    /// <summary>Scores of one search, cleared for the next; kept for reuse since they are one slot per norm.</summary>
    private sealed class Accumulator(int norms)
    {
        public double[] Scores { get; } = new double[norms];

        public List<int> Touched { get; } = [];

        public void Clear()
        {
            foreach (var norm in Touched)
            {
                Scores[norm] = 0;
            }

            Touched.Clear();
        }
    }
}

/// <summary>A norm's key in the catalog and its bm25 score (higher is better).</summary>
internal readonly record struct RankedNorm(long NormKey, double Score);

/// <summary>
/// What a lexical search of the current editions is limited to. Filters are applied before ranking, which FTS5
/// can only do for the language.
/// </summary>
/// <param name="ActKeys">The act versions searched; null: every act.</param>
internal sealed record NormFilter(Language? Language, ActKind? Kind, bool InForceOnly, IReadOnlySet<long>? ActKeys)
{
    public bool Admits(IndexedNorms norms, int norm)
    {
        var flags = norms.Flags[norm];
        return (flags & IndexedNorms.Current) != 0
            && (!InForceOnly || (flags & IndexedNorms.InForce) != 0)
            && (Language is not { } language || norms.Languages[norm] == (byte)language)
            && (Kind is not { } kind || norms.Kinds[norm] == (byte)kind)
            && (ActKeys is null || ActKeys.Contains(norms.ActKeys[norm]));
    }
}
