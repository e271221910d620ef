namespace Assistant.Inference.Embeddings.Training;

/// <summary>Compares token arrays by content.</summary>
internal sealed class TokenSequenceComparer : IEqualityComparer<int[]>
{
    public static TokenSequenceComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
