using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Assistant.Storage.Vectors;

/// <summary>Writes one segment file in <see cref="SegmentLayout"/>: under a temporary name, flushed to disk, then renamed.</summary>
internal static class SegmentWriter
{
    private const int BufferBytes = 1 << 16;

    /// <returns>The file's length and checksum, which the manifest records.</returns>
    public static SegmentFile Write(string path, SegmentLayout layout, ISegmentRows rows, CancellationToken cancellationToken)
    {
        using var writer = new HashingFileWriter(path);
        Span<byte> header = stackalloc byte[SegmentLayout.HeaderBytes];
        layout.WriteHeader(header);
        writer.Write(header);

        var scales = WriteVectors(writer, layout, rows, cancellationToken);
        if (layout.ElementType == VectorElementType.Int8)
        {
            writer.PadTo(layout.ScalesOffset);
            writer.Write(MemoryMarshal.AsBytes(scales.AsSpan()));
        }

        writer.PadTo(layout.FactsOffset);
        var facts = new RowFacts[rows.Count];
        for (var row = 0; row < facts.Length; row++)
        {
            facts[row] = rows.Facts(row);
        }

        writer.Write(MemoryMarshal.AsBytes(facts.AsSpan()));

        writer.PadTo(layout.ActOrdinalsOffset);
        var actTable = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordinals = new int[rows.Count];
        for (var row = 0; row < ordinals.Length; row++)
        {
            var actId = rows.ActId(row);
            if (!actTable.TryGetValue(actId, out var ordinal))
            {
                ordinal = actTable.Count;
                actTable.Add(actId, ordinal);
            }

            ordinals[row] = ordinal;
        }

        writer.Write(MemoryMarshal.AsBytes(ordinals.AsSpan()));

        writer.PadTo(layout.StringsOffset);
        WriteStrings(writer, actTable.Keys);
        WriteStrings(writer, Enumerable.Range(0, rows.Count).Select(rows.Key));
        WriteStrings(writer, Enumerable.Range(0, rows.Count).Select(rows.ContentHash));
        WriteStrings(writer, rows.DeletedKeys);

        var length = writer.Position + SegmentLayout.ChecksumBytes;
        var checksum = writer.Commit();
        return new SegmentFile(Path.GetFileName(path), rows.Count, length, checksum);
    }

    private static float[] WriteVectors(HashingFileWriter writer, SegmentLayout layout, ISegmentRows rows, CancellationToken cancellationToken)
    {
        var scales = new float[layout.ElementType == VectorElementType.Int8 ? rows.Count : 0];
        var rowsPerBuffer = Math.Max(1, BufferBytes / layout.RowBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(rowsPerBuffer * layout.RowBytes);
        try
        {
            for (var first = 0; first < rows.Count; first += rowsPerBuffer)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(rowsPerBuffer, rows.Count - first);
                for (var i = 0; i < count; i++)
                {
                    var scale = rows.WriteVector(first + i, buffer.AsSpan(i * layout.RowBytes, layout.RowBytes));
                    if (scales.Length > 0)
                    {
                        scales[first + i] = scale;
                    }
                }

                writer.Write(buffer.AsSpan(0, count * layout.RowBytes));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return scales;
    }

    /// <summary>A string column: count, byte length, count + 1 offsets into the UTF-8 bytes, the bytes, padding to 8.</summary>
    private static void WriteStrings(HashingFileWriter writer, IEnumerable<string> values)
    {
        var bytes = new ArrayBufferWriter<byte>();
        var offsets = new List<int> { 0 };
        foreach (var value in values)
        {
            var written = Encoding.UTF8.GetBytes(value, bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length)));
            bytes.Advance(written);
            offsets.Add(bytes.WrittenCount);
        }

        Span<int> counts = [offsets.Count - 1, bytes.WrittenCount];
        writer.Write(MemoryMarshal.AsBytes(counts));
        writer.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(offsets)));
        writer.Write(bytes.WrittenSpan);
        writer.PadTo(SegmentLayout.Align(writer.Position));
    }
}
