using System.Numerics.Tensors;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Vectors;

/// <summary>
/// Exact nearest-neighbour search over one generation: every live row that passes the filter is scored (filters are
/// checked on the compact columns before the vector is touched). Large generations are split into ranges scanned in
/// parallel, each into its own heap.
/// </summary>
internal static class VectorScan
{
    private const int RangeRows = 1 << 15;
    private const int ParallelFromRows = 1 << 16;

    /// <summary>int8 scores rank candidates; this many per result are rescored with the float query.</summary>
    private const int Int8Candidates = 4;

    public static IReadOnlyList<VectorHit> Search(IndexGeneration generation, VectorQuery query, CancellationToken cancellationToken)
    {
        if (generation.Manifest is not { } manifest || query.Top <= 0 || generation.Count == 0)
        {
            return [];
        }

        if (query.Dense.Length != manifest.Dimensions)
        {
            throw new ArgumentException(
                $"The query vector has {query.Dense.Length} dimensions; the index holds {manifest.Dimensions}-dimension vectors of '{manifest.Model}'.",
                nameof(query));
        }

        var prepared = new PreparedQuery(query, manifest.ElementType);
        var actIds = query.Filter.ActIds is { } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
        var ranges = new List<ScanRange>();
        for (var s = 0; s < generation.Segments.Count; s++)
        {
            var segment = generation.Segments[s];
            var filter = RowFilter.For(query.Filter, actIds, segment.Segment);
            if (segment.LiveRows == 0 || !filter.AnyAct)
            {
                continue;
            }

            for (var start = 0; start < segment.Segment.Rows; start += RangeRows)
            {
                ranges.Add(new ScanRange(s, segment, filter, start, Math.Min(segment.Segment.Rows, start + RangeRows)));
            }
        }

        var capacity = manifest.ElementType == VectorElementType.Int8 ? query.Top * Int8Candidates : query.Top;
        var top = new TopRows(capacity);
        if (generation.Count < ParallelFromRows || Environment.ProcessorCount == 1)
        {
            foreach (var range in ranges)
            {
                cancellationToken.ThrowIfCancellationRequested();
                range.Scan(prepared, top);
            }
        }
        else
        {
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, ranges.Count, options, () => new TopRows(capacity), (i, _, local) =>
            {
                ranges[i].Scan(prepared, local);
                return local;
            }, local =>
            {
                lock (top)
                {
                    top.AddAll(local);
                }
            });
        }

        return Hits(generation, prepared, top, query.Top);
    }

    private static List<VectorHit> Hits(IndexGeneration generation, PreparedQuery prepared, TopRows top, int count)
    {
        var rows = top.ToArray();
        if (prepared.Wide is not null)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var segment = generation.Segments[rows[i].Segment].Segment;
                rows[i] = rows[i] with { Score = prepared.Rescore(segment, rows[i].Row) };
            }
        }

        return rows
            .OrderByDescending(row => row.Score)
            .Take(count)
            .Select(row =>
            {
                var segment = generation.Segments[row.Segment].Segment;
                return new VectorHit(VectorKey.Parse(segment.Key(row.Row)), segment.ActId(row.Row), row.Score);
            })
            .ToList();
    }

    /// <summary>The query as the scan kernels take it: float for float32 rows; for int8 rows also quantised and widened.</summary>
    private sealed class PreparedQuery
    {
        public PreparedQuery(VectorQuery query, VectorElementType elementType)
        {
            Dense = query.Dense.ToArray();
            if (elementType == VectorElementType.Int8)
            {
                Wide = new short[Dense.Length];
                Int8Quantizer.QuantizeWide(Dense, Wide);
            }
        }

        public float[] Dense { get; }

        public short[]? Wide { get; }

        /// <summary>The float query against the stored int8 row: removes the query's own quantisation error from the final ranking.</summary>
        public float Rescore(VectorSegment segment, int row)
        {
            Span<float> values = stackalloc float[Dense.Length];
            TensorPrimitives.ConvertTruncating<sbyte, float>(segment.Int8Row(row), values);
            return TensorPrimitives.Dot(Dense, values) * segment.Scales[row];
        }
    }

    private readonly unsafe record struct ScanRange(int Index, LiveSegment Live, RowFilter Filter, int Start, int End)
    {
        public void Scan(PreparedQuery query, TopRows top)
        {
            var segment = Live.Segment;
            var dead = Live.Dead.Count > 0 ? Live.Dead : null;
            var facts = segment.Facts;
            var acts = segment.ActOrdinals;
            var all = Filter.PassesAll;
            var dimensions = segment.Layout.Dimensions;
            if (query.Wide is { } wide)
            {
                var scales = segment.Scales;
                var vectors = (sbyte*)segment.Vectors;
                for (var row = Start; row < End; row++)
                {
                    if ((dead is null || !dead.IsDead(row)) && (all || Filter.Passes(facts[row], acts[row])))
                    {
                        var score = Int8Dot.Dot(new ReadOnlySpan<sbyte>(vectors + ((long)row * dimensions), dimensions), wide) * scales[row];
                        if (score > top.Threshold)
                        {
                            top.Offer(score, Index, row);
                        }
                    }
                }

                return;
            }

            var floats = (float*)segment.Vectors;
            for (var row = Start; row < End; row++)
            {
                if ((dead is null || !dead.IsDead(row)) && (all || Filter.Passes(facts[row], acts[row])))
                {
                    var score = TensorPrimitives.Dot(query.Dense, new ReadOnlySpan<float>(floats + ((long)row * dimensions), dimensions));
                    if (score > top.Threshold)
                    {
                        top.Offer(score, Index, row);
                    }
                }
            }
        }
    }
}
