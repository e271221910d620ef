namespace Assistant.Inference.Llama;

/// <summary>One completion: a prompt (already in the model's chat format) and how to continue it.</summary>
public sealed record LlamaGenerationRequest
{
    /// <summary>Prompt text; special-token text in it (e.g. "&lt;|eot_id|&gt;") becomes those tokens.</summary>
    public required string Prompt { get; init; }

    /// <summary>How tokens are chosen.</summary>
    public LlamaSamplingOptions Sampling { get; init; } = new();

    /// <summary>Most tokens to generate; generation also ends at the sequence's context limit.</summary>
    public int MaxTokens { get; init; } = 512;

    /// <summary>Keep generating past end-of-generation tokens (benchmarks need fixed lengths).</summary>
    public bool IgnoreEndOfGeneration { get; init; }

    /// <summary>Texts that end generation; they are not part of the output.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];
}
