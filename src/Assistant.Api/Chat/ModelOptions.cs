namespace Assistant.Api.Chat;

/// <summary>The local chat model (section "Llm"); without a path the API answers extractively.</summary>
public sealed class ModelOptions
{
    public const string Section = "Llm";

    /// <summary>GGUF file of the chat model; empty: no model, extractive answers.</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// A libllama.so to load instead of the LLamaSharp backend package's, e.g. the CUDA build of
    /// scripts/build-llama-cuda.sh; empty: the package's.
    /// </summary>
    public string? NativeLibraryPath { get; set; }

    /// <summary>Layers offloaded to the GPU (CUDA build), -1 = all.</summary>
    public int GpuLayers { get; set; } = -1;

    /// <summary>KV-cache size shared by all parallel conversations, in tokens.</summary>
    public int ContextSize { get; set; } = 16_384;

    /// <summary>Conversations decoded together in one batch.</summary>
    public int Parallel { get; set; } = 4;

    /// <summary>Requests waiting for a free sequence before new ones are refused as busy.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>CPU threads; null: all cores.</summary>
    public int? Threads { get; set; }

    public int MaxAnswerTokens { get; set; } = 512;
}
