using System.Numerics;

namespace Assistant.Storage.Vectors;

/// <summary>
/// Rows of one segment that were replaced or deleted by later writes. Immutable once published in a generation:
/// a write that kills more rows publishes a copy.
/// </summary>
internal sealed class DeadRows
{
    private readonly ulong[] _bits;

    private DeadRows(ulong[] bits, int count)
    {
        _bits = bits;
        Count = count;
    }

    public static DeadRows None(int rows) => new(new ulong[(rows + 63) >> 6], 0);

    public int Count { get; }

    public bool IsDead(int row) => (_bits[row >> 6] & (1UL << row)) != 0;

    public DeadRows With(IEnumerable<int> rows)
    {
        var bits = (ulong[])_bits.Clone();
        foreach (var row in rows)
        {
            bits[row >> 6] |= 1UL << row;
        }

        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return new DeadRows(bits, count);
    }
}
