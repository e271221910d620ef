using Assistant.Inference.Onnx.Native;

namespace Assistant.Inference.Onnx;

/// <summary>
/// A float output of <see cref="OnnxSession.Run"/>, row-major over <see cref="Shape"/>, left in the memory ONNX
/// Runtime allocated for it: reading it costs no managed allocation, and it is released on <see cref="Dispose"/>.
/// </summary>
public sealed unsafe class OnnxOutput : IDisposable
{
    private readonly SafeOrtValueHandle value;
    private readonly float* data;
    private readonly int length;

    private OnnxOutput(SafeOrtValueHandle value, float* data, int length, long[] shape)
    {
        this.value = value;
        this.data = data;
        this.length = length;
        Shape = shape;
    }

    public IReadOnlyList<long> Shape { get; }

    /// <summary>The elements; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<float> Data
    {
        get
        {
            ObjectDisposedException.ThrowIf(value.IsClosed, this);
            return new ReadOnlySpan<float>(data, length);
        }
    }

    public void Dispose() => value.Dispose();

    /// <summary>Takes ownership of a tensor value; it is released here if it is not a float tensor.</summary>
    internal static OnnxOutput Over(OrtApi api, SafeOrtValueHandle value, string outputName)
    {
        try
        {
            var (type, shape) = api.GetTensorTypeAndShape(value);
            if (type != OnnxElementType.Float)
            {
                throw new OnnxRuntimeException(OnnxErrorCode.InvalidArgument, $"Output '{outputName}' holds {type} elements, not Float.");
            }

            return new OnnxOutput(value, (float*)api.GetTensorData(value), checked((int)OnnxSession.ElementCount(shape)), shape);
        }
        catch
        {
            value.Dispose();
            throw;
        }
    }
}
