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

    /// <summary>
    /// Turns that may wait for one of the <see cref="Parallel"/> slots; one more is refused at once as busy (503), so
    /// that a burst does not pile up behind the model and time out there.
    /// </summary>
    public int QueueLength { get; set; } = 16;

    /// <summary>The Retry-After of a busy refusal, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>CPU threads; null: all cores.</summary>
    public int? Threads { get; set; }

    public int MaxAnswerTokens { get; set; } = 512;
}
