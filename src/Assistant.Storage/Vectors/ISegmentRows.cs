namespace Assistant.Storage.Vectors;

/// <summary>The rows a new segment is written from: fresh points or the live rows of segments being merged.</summary>
internal interface ISegmentRows
{
    int Count { get; }

    /// <summary>Keys this segment deletes from older segments.</summary>
    IReadOnlyCollection<string> DeletedKeys { get; }

    /// <summary>Writes the row's stored vector (<see cref="SegmentLayout.RowBytes"/> bytes) and returns its int8 scale (1 for float32).</summary>
    float WriteVector(int row, Span<byte> destination);

    RowFacts Facts(int row);

    string ActId(int row);

    string Key(int row);

    string ContentHash(int row);
}
