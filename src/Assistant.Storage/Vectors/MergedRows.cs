namespace Assistant.Storage.Vectors;

/// <summary>The live rows of consecutive segments, oldest first, copied as stored (int8 rows are not quantised again).</summary>
internal sealed class MergedRows : ISegmentRows
{
    private readonly List<RowLocation> _rows = [];

    /// <param name="keepDeletions">False when the merge starts at the oldest segment: its deletions have nothing left to delete.</param>
    public MergedRows(IEnumerable<LiveSegment> segments, bool keepDeletions)
    {
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var live in segments)
        {
            for (var row = 0; row < live.Segment.Rows; row++)
            {
                if (!live.Dead.IsDead(row))
                {
                    _rows.Add(new RowLocation(live.Segment, row));
                }
            }

            if (keepDeletions)
            {
                deleted.UnionWith(live.Segment.DeletedKeys);
            }
        }

        DeletedKeys = deleted;
    }

    public int Count => _rows.Count;

    public IReadOnlyCollection<string> DeletedKeys { get; }

    public float WriteVector(int row, Span<byte> destination)
    {
        var (segment, source) = _rows[row];
        segment.RowBytes(source).CopyTo(destination);
        return segment.Layout.ElementType == VectorElementType.Int8 ? segment.Scales[source] : 1;
    }

    public RowFacts Facts(int row) => _rows[row].Segment.Facts[_rows[row].Row];

    public string ActId(int row) => _rows[row].Segment.ActId(_rows[row].Row);

    public string Key(int row) => _rows[row].Segment.Key(_rows[row].Row);

    public string ContentHash(int row) => _rows[row].Segment.ContentHash(_rows[row].Row);
}
