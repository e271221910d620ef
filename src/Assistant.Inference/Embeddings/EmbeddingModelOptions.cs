using Assistant.Inference.Onnx;

namespace Assistant.Inference.Embeddings;

/// <summary>Which embedding model embeds norms and questions, and where it runs (configuration section "Embeddings").</summary>
public sealed record EmbeddingModelOptions
{
    public const string Section = "Embeddings";

    /// <summary>The model folder (manifest.json, model.onnx, tokenizer).</summary>
    public string Model { get; init; } = "models/embed/default";

    /// <summary>
    /// The unigram vocabulary the indexer builds the untrained default model from when <see cref="Model"/> is absent.
    /// </summary>
    public string Vocabulary { get; init; } = "../shared/models/ggml-vocab-nomic-bert-moe.gguf";

    public OnnxDevice Device { get; init; } = OnnxDevice.Cpu;

    public int CudaDeviceId { get; init; }

    /// <summary>Texts per ONNX run.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>ONNX Runtime's intra-op threads; 0: its default (one per core).</summary>
    public int Threads { get; init; }

    public OnnxEmbeddingGeneratorOptions GeneratorOptions() => new()
    {
        BatchSize = BatchSize,
        Device = Device,
        CudaDeviceId = CudaDeviceId,
        IntraOpThreads = Threads,
    };
}
