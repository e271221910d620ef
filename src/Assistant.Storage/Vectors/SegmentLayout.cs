using System.Buffers.Binary;

namespace Assistant.Storage.Vectors;

/// <summary>
/// The binary layout of a segment file (little-endian): a 64-byte header, the vectors (row-major), the int8 scales,
/// the facts and act-ordinal columns, then string columns (act table, keys, content hashes, deleted keys), and an
/// 8-byte XxHash3 of everything before it. Fixed-size columns come first so that a scan touches only them.
/// </summary>
internal readonly record struct SegmentLayout(VectorElementType ElementType, int Dimensions, int Rows)
{
    public const int HeaderBytes = 64;
    public const int ChecksumBytes = 8;
    public const int Version = 1;

    /// <summary>"RLVSEG01".</summary>
    public const ulong Magic = 0x3130_4745_5356_4C52;

    public int RowBytes => ElementType == VectorElementType.Int8 ? Dimensions : Dimensions * sizeof(float);

    public static long VectorsOffset => HeaderBytes;

    public long ScalesOffset => Align(VectorsOffset + ((long)RowBytes * Rows));

    public long FactsOffset => Align(ScalesOffset + (ElementType == VectorElementType.Int8 ? (long)Rows * sizeof(float) : 0));

    public long ActOrdinalsOffset => Align(FactsOffset + ((long)Rows * 4));

    public long StringsOffset => Align(ActOrdinalsOffset + ((long)Rows * sizeof(int)));

    public static long Align(long offset) => (offset + 7) & ~7L;

    public void WriteHeader(Span<byte> header)
    {
        header[..HeaderBytes].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], (int)ElementType);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], Dimensions);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], Rows);
    }

    /// <exception cref="InvalidDataException">The header is not one this version writes.</exception>
    public static SegmentLayout ReadHeader(ReadOnlySpan<byte> header, string path)
    {
        if (header.Length < HeaderBytes || BinaryPrimitives.ReadUInt64LittleEndian(header) != Magic)
        {
            throw new InvalidDataException($"Vector segment '{path}' does not start with a segment header.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        var elementType = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        var rows = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        if (version != Version || !Enum.IsDefined((VectorElementType)elementType) || dimensions <= 0 || rows < 0)
        {
            throw new InvalidDataException(
                $"Vector segment '{path}' has an unreadable header (version {version}, element type {elementType}, {dimensions} dimensions, {rows} rows).");
        }

        return new SegmentLayout((VectorElementType)elementType, dimensions, rows);
    }
}
