using Assistant.Inference.Onnx;

namespace Assistant.Inference.Embeddings;

/// <summary>How <see cref="OnnxEmbeddingGenerator"/> runs its model (configuration section "Embeddings").</summary>
public sealed record OnnxEmbeddingGeneratorOptions
{
    /// <summary>Texts per graph run; texts are sorted by length first so a batch pads little.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>cpu or cuda.</summary>
    public OnnxDevice Device { get; init; } = OnnxDevice.Cpu;

    public int CudaDeviceId { get; init; }

    /// <summary>0: ONNX Runtime's default.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>0: ONNX Runtime's default.</summary>
    public int InterOpThreads { get; init; }
}
