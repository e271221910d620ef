namespace Assistant.Inference.Llama;

/// <summary>How to size an engine's context and scheduler (configuration section "Llama:Engine").</summary>
public sealed record LlamaEngineOptions
{
    /// <summary>Total KV-cache tokens, split evenly between the sequences; 0 takes the model's training length.</summary>
    public int ContextSize { get; init; } = 4096;

    /// <summary>Most tokens submitted to one decode call (prompt chunks plus one token per generating sequence).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Most requests generating at once, each on its own sequence id.</summary>
    public int MaxSequences { get; init; } = 1;

    /// <summary>Requests that may wait for a free sequence before new ones are refused as busy.</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>Threads for generation and prompt processing; null uses every core.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// One KV buffer shared by all sequences instead of one per sequence (llama.cpp's kv_unified); per-sequence
    /// buffers are the default, which suits sequences that share little of their prompts.
    /// </summary>
    public bool UnifiedKvCache { get; init; }

    /// <summary>Flash attention: null lets llama.cpp decide per device.</summary>
    public bool? FlashAttention { get; init; }
}
