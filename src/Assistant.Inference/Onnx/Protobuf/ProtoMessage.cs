using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Assistant.Inference.Onnx.Protobuf;

/// <summary>
/// A protobuf message assembled field by field and written in the wire format. Nested messages and large float blocks
/// are kept by reference and their lengths computed, so a model of hundreds of megabytes is streamed, not copied.
/// </summary>
internal sealed class ProtoMessage
{
    private const int WireVarint = 0;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;

    private readonly List<Field> fields = [];
    private long? length;

    public ProtoMessage Int64(int number, long value) => Add(new Field(number, WireVarint, value, null, null, null));

    public ProtoMessage Float(int number, float value) =>
        Add(new Field(number, WireFixed32, BitConverter.SingleToInt32Bits(value), null, null, null));

    public ProtoMessage String(int number, string value) => Bytes(number, Encoding.UTF8.GetBytes(value));

    public ProtoMessage Bytes(int number, byte[] value) => Add(new Field(number, WireLengthDelimited, 0, value, null, null));

    /// <summary>Floats as little-endian bytes in one length-delimited field (TensorProto.raw_data).</summary>
    public ProtoMessage RawFloats(int number, ReadOnlyMemory<float> values) =>
        Add(new Field(number, WireLengthDelimited, 0, null, values, null));

    public ProtoMessage PackedInt64(int number, IEnumerable<long> values)
    {
        var packed = new List<byte>();
        foreach (var value in values)
        {
            AppendVarint(packed, (ulong)value);
        }

        return Bytes(number, [.. packed]);
    }

    public ProtoMessage Message(int number, ProtoMessage value) => Add(new Field(number, WireLengthDelimited, 0, null, null, value));

    /// <summary>Bytes this message takes on the wire, without its own tag and length.</summary>
    public long Length => length ??= fields.Sum(entry => VarintLength(Tag(entry)) + entry.PayloadLength);

    public void WriteTo(Stream stream)
    {
        Span<byte> scratch = stackalloc byte[10];
        foreach (var field in fields)
        {
            WriteVarint(stream, scratch, Tag(field));
            switch (field.Wire)
            {
                case WireVarint:
                    WriteVarint(stream, scratch, (ulong)field.Scalar);
                    break;
                case WireFixed32:
                    BinaryPrimitives.WriteInt32LittleEndian(scratch, (int)field.Scalar);
                    stream.Write(scratch[..4]);
                    break;
                default:
                    WriteVarint(stream, scratch, (ulong)field.ContentLength);
                    WriteContent(stream, field);
                    break;
            }
        }
    }

    public byte[] ToArray()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    private static void WriteContent(Stream stream, Field field)
    {
        if (field.Bytes is { } bytes)
        {
            stream.Write(bytes);
        }
        else if (field.Floats is { } floats)
        {
            if (!BitConverter.IsLittleEndian)
            {
                throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this writer runs on little-endian machines only.");
            }

            stream.Write(MemoryMarshal.AsBytes(floats.Span));
        }
        else
        {
            field.Nested!.WriteTo(stream);
        }
    }

    private ProtoMessage Add(Field field)
    {
        fields.Add(field);
        length = null;
        return this;
    }

    private static ulong Tag(Field field) => ((ulong)field.Number << 3) | (uint)field.Wire;

    private static void AppendVarint(List<byte> target, ulong value)
    {
        while (value >= 0x80)
        {
            target.Add((byte)(value | 0x80));
            value >>= 7;
        }

        target.Add((byte)value);
    }

    private static void WriteVarint(Stream stream, Span<byte> scratch, ulong value)
    {
        var count = 0;
        while (value >= 0x80)
        {
            scratch[count++] = (byte)(value | 0x80);
            value >>= 7;
        }

        scratch[count++] = (byte)value;
        stream.Write(scratch[..count]);
    }

    private static int VarintLength(ulong value)
    {
        var count = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            count++;
        }

        return count;
    }

    private sealed record Field(int Number, int Wire, long Scalar, byte[]? Bytes, ReadOnlyMemory<float>? Floats, ProtoMessage? Nested)
    {
        public long ContentLength => Bytes?.Length ?? (Floats is { } floats ? floats.Length * (long)sizeof(float) : Nested!.Length);

        public long PayloadLength => Wire switch
        {
            WireVarint => VarintLength((ulong)Scalar),
            WireFixed32 => 4,
            _ => VarintLength((ulong)ContentLength) + ContentLength,
        };
    }
}
