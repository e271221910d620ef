namespace Assistant.Inference.Llama;

/// <summary>How to load a GGUF model (configuration section "Llama:Model").</summary>
public sealed record LlamaModelOptions
{
    /// <summary>Path of the .gguf file.</summary>
    public required string Path { get; init; }

    /// <summary>Layers to offload to the GPU; negative means all. Ignored by the CPU backend.</summary>
    public int GpuLayers { get; init; } = -1;

    /// <summary>Memory-map the file instead of reading it (faster start, shared pages).</summary>
    public bool UseMemoryMap { get; init; } = true;

    /// <summary>Load the tokenizer only, without weights (tokenize/detokenize/templates).</summary>
    public bool VocabOnly { get; init; }

    /// <summary>Receives load progress from 0 to 1.</summary>
    public IProgress<float>? Progress { get; init; }
}
