namespace Assistant.Inference.Llama;

/// <summary>Why generation ended.</summary>
public enum LlamaFinishReason
{
    /// <summary>An end-of-generation token or a stop sequence.</summary>
    Stop,

    /// <summary>The token limit or the sequence's context limit.</summary>
    Length,
}

/// <summary>
/// A piece of generated text. The last update of a generation carries <see cref="FinishReason"/> (its text may be empty).
/// </summary>
public readonly record struct LlamaGenerationUpdate(
    string Text,
    int PromptTokenCount,
    int GeneratedTokenCount,
    LlamaFinishReason? FinishReason)
{
    /// <summary>Leading prompt tokens served from the KV cache of a previous request (a shared system prompt).</summary>
    public int ReusedPromptTokenCount { get; init; }
}
