namespace Assistant.Inference.Llama;

/// <summary>Defaults a <see cref="LlamaChatClient"/> applies where a request's ChatOptions say nothing.</summary>
public sealed record LlamaChatClientOptions
{
    /// <summary>Sampling used for settings the request leaves unset.</summary>
    public LlamaSamplingOptions Sampling { get; init; } = new();

    /// <summary>Output token limit when the request sets none.</summary>
    public int MaxOutputTokens { get; init; } = 1024;

    /// <summary>Model id reported in responses; defaults to the GGUF file name.</summary>
    public string? ModelId { get; init; }
}
