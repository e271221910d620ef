using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text;

namespace Assistant.Inference.Llama.Gguf;

/// <summary>Element type of a tensor written by <see cref="GgufWriter"/> (ggml_type values).</summary>
public enum GgufTensorType
{
    /// <summary>GGML_TYPE_F32.</summary>
    F32 = 0,

    /// <summary>GGML_TYPE_F16.</summary>
    F16 = 1,
}

/// <summary>
/// Writes a GGUF v3 file: metadata, tensor descriptions, then tensor data streamed one tensor at a time, so
/// models larger than memory can be written.
/// </summary>
public sealed class GgufWriter
{
    private const int Alignment = 32;

    private readonly List<KeyValuePair<string, byte[]>> metadata = [];
    private readonly List<Tensor> tensors = [];

    /// <summary>Adds a metadata value already encoded (type tag and payload), as <see cref="GgufMetadata"/> reads them.</summary>
    public void AddRaw(string key, byte[] value) => metadata.Add(new(key, value));

    public void AddString(string key, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var raw = new byte[12 + bytes.Length];
        BitConverter.TryWriteBytes(raw.AsSpan(0), GgufMetadata.TypeString);
        BitConverter.TryWriteBytes(raw.AsSpan(4), (ulong)bytes.Length);
        bytes.CopyTo(raw, 12);
        AddRaw(key, raw);
    }

    public void AddUInt32(string key, uint value)
    {
        var raw = new byte[8];
        BitConverter.TryWriteBytes(raw.AsSpan(0), GgufMetadata.TypeUInt32);
        BitConverter.TryWriteBytes(raw.AsSpan(4), value);
        AddRaw(key, raw);
    }

    public void AddFloat32(string key, float value)
    {
        var raw = new byte[8];
        BitConverter.TryWriteBytes(raw.AsSpan(0), GgufMetadata.TypeFloat32);
        BitConverter.TryWriteBytes(raw.AsSpan(4), value);
        AddRaw(key, raw);
    }

    /// <summary>
    /// Adds a tensor; <paramref name="fill"/> receives its elements as float (row-major, ne0 fastest) and is
    /// called while the file is written.
    /// </summary>
    public void AddTensor(string name, long[] shape, GgufTensorType type, Action<Span<float>> fill)
    {
        ArgumentNullException.ThrowIfNull(shape);
        tensors.Add(new Tensor(name, shape, type, fill));
    }

    /// <summary>Writes the file.</summary>
    public void Write(string path, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream);
        writer.Write(GgufMetadata.Magic);
        writer.Write(3u);
        writer.Write((ulong)tensors.Count);
        writer.Write((ulong)metadata.Count);
        foreach (var (key, value) in metadata)
        {
            WriteString(writer, key);
            writer.Write(value);
        }

        var offset = 0L;
        foreach (var tensor in tensors)
        {
            WriteString(writer, tensor.Name);
            writer.Write((uint)tensor.Shape.Length);
            foreach (var dimension in tensor.Shape)
            {
                writer.Write((ulong)dimension);
            }

            writer.Write((uint)tensor.Type);
            writer.Write((ulong)offset);
            offset = Align(offset + tensor.ByteCount);
        }

        Pad(writer);
        var start = stream.Position;
        foreach (var tensor in tensors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tensor.WriteData(stream);
            Pad(writer, start);
        }
    }

    private static long Align(long value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter writer, long origin = 0)
    {
        var position = writer.BaseStream.Position - origin;
        for (var i = position; i < Align(position); i++)
        {
            writer.Write((byte)0);
        }
    }

    private static void WriteString(BinaryWriter writer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private sealed record Tensor(string Name, long[] Shape, GgufTensorType Type, Action<Span<float>> Fill)
    {
        private const int ChunkElements = 1 << 20;

        public long ElementCount => Shape.Aggregate(1L, (product, dimension) => product * dimension);

        public long ByteCount => ElementCount * (Type == GgufTensorType.F16 ? 2 : 4);

        // Fills and writes in chunks: a whole tensor of an 8B-shaped model would not fit in memory.
        public void WriteData(Stream stream)
        {
            var values = new float[(int)Math.Min(ElementCount, ChunkElements)];
            var bytes = new byte[values.Length * 4];
            for (var done = 0L; done < ElementCount; done += values.Length)
            {
                var span = values.AsSpan(0, (int)Math.Min(values.Length, ElementCount - done));
                Fill(span);
                int length;
                if (Type == GgufTensorType.F16)
                {
                    var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan(0, span.Length * 2));
                    TensorPrimitives.ConvertToHalf(span, halves);
                    length = span.Length * 2;
                }
                else
                {
                    MemoryMarshal.AsBytes(span).CopyTo(bytes);
                    length = span.Length * 4;
                }

                stream.Write(bytes, 0, length);
            }
        }
    }
}
