namespace Assistant.Inference.Onnx;

/// <summary>How a session runs its graph.</summary>
public sealed record OnnxSessionOptions
{
    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads across independent operators; 0 lets ONNX Runtime choose.</summary>
    public int InterOpThreads { get; init; }

    public OnnxDevice Device { get; init; } = OnnxDevice.Cpu;

    /// <summary>The CUDA device, when <see cref="Device"/> is <see cref="OnnxDevice.Cuda"/>.</summary>
    public int CudaDeviceId { get; init; }
}
