namespace Assistant.Storage.Vectors;

/// <summary>A segment without rows that records deleted keys.</summary>
internal sealed class DeletionRows(IReadOnlyCollection<string> keys) : ISegmentRows
{
    public int Count => 0;

    public IReadOnlyCollection<string> DeletedKeys => keys;

    public float WriteVector(int row, Span<byte> destination) => throw new ArgumentOutOfRangeException(nameof(row));

    public RowFacts Facts(int row) => throw new ArgumentOutOfRangeException(nameof(row));

    public string ActId(int row) => throw new ArgumentOutOfRangeException(nameof(row));

    public string Key(int row) => throw new ArgumentOutOfRangeException(nameof(row));

    public string ContentHash(int row) => throw new ArgumentOutOfRangeException(nameof(row));
}
