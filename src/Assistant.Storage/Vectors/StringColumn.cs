using System.Text;

namespace Assistant.Storage.Vectors;

/// <summary>A string column of a mapped segment (see <see cref="SegmentWriter"/>); valid while its segment is mapped.</summary>
internal readonly unsafe struct StringColumn
{
    private readonly int* _offsets;
    private readonly byte* _bytes;

    private StringColumn(int count, int* offsets, byte* bytes)
    {
        Count = count;
        _offsets = offsets;
        _bytes = bytes;
    }

    public int Count { get; }

    public string this[int index] => Encoding.UTF8.GetString(Bytes(index));

    public ReadOnlySpan<byte> Bytes(int index) => new(_bytes + _offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Reads the column at <paramref name="offset"/> and returns the offset of the next one.</summary>
    /// <exception cref="InvalidDataException">The column runs past <paramref name="end"/>.</exception>
    public static long Read(byte* start, long offset, long end, string path, out StringColumn column)
    {
        if (offset + 8 > end)
        {
            throw Damaged(path, offset);
        }

        var count = *(int*)(start + offset);
        var length = *(int*)(start + offset + 4);
        var offsets = (int*)(start + offset + 8);
        var bytes = (byte*)(offsets + count + 1);
        var next = SegmentLayout.Align(bytes - start + (long)length);
        if (count < 0 || length < 0 || next > end || offsets[0] != 0 || offsets[count] != length)
        {
            throw Damaged(path, offset);
        }

        column = new StringColumn(count, offsets, bytes);
        return next;
    }

    private static InvalidDataException Damaged(string path, long offset) =>
        new($"Vector segment '{path}' is damaged: its string column at byte {offset} runs past the end of the file.");
}
