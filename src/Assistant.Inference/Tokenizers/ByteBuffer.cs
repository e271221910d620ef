using System.Buffers;

namespace Assistant.Inference.Tokenizers;

/// <summary>A growable byte buffer over pooled arrays, so encoding allocates little beyond its result.</summary>
internal struct ByteBuffer(int capacity) : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
    private int length;

    public readonly int Length => length;

    public readonly ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

    public void Append(byte value)
    {
        Reserve(1);
        buffer[length++] = value;
    }

    public void Append(ReadOnlySpan<byte> values)
    {
        Reserve(values.Length);
        values.CopyTo(buffer.AsSpan(length));
        length += values.Length;
    }

    public void Clear() => length = 0;

    public readonly void Dispose() => ArrayPool<byte>.Shared.Return(buffer);

    private void Reserve(int extra)
    {
        if (length + extra <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + extra));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
