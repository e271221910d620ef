using System.Buffers;
using System.Runtime.InteropServices;

namespace Assistant.Inference.Onnx.Graphs;

/// <summary>
/// A float array seen as its bytes, so that TensorProto.raw_data wraps the model's weights instead of copying hundreds
/// of megabytes. ONNX stores raw data little-endian, as the array is on the machines this runs on.
/// </summary>
internal sealed unsafe class FloatBytes : MemoryManager<byte>
{
    private readonly float[] floats;

    public FloatBytes(float[] floats)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this writer runs on little-endian machines only.");
        }

        this.floats = floats;
    }

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(floats.AsSpan());

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        var handle = GCHandle.Alloc(floats, GCHandleType.Pinned);
        return new MemoryHandle((byte*)handle.AddrOfPinnedObject() + elementIndex, handle);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
