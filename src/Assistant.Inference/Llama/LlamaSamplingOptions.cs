namespace Assistant.Inference.Llama;

/// <summary>How the next token is chosen.</summary>
public sealed record LlamaSamplingOptions
{
    /// <summary>Greedy decoding: always the most likely token (deterministic).</summary>
    public static LlamaSamplingOptions Greedy { get; } = new() { Temperature = 0 };

    /// <summary>Softmax temperature; 0 or less means greedy.</summary>
    public float Temperature { get; init; } = 0.8f;

    /// <summary>Keep the k most likely tokens; 0 disables.</summary>
    public int TopK { get; init; } = 40;

    /// <summary>Keep the smallest set of tokens whose probability reaches p; 1 disables.</summary>
    public float TopP { get; init; } = 0.95f;

    /// <summary>Drop tokens less likely than p × the most likely one; 0 disables.</summary>
    public float MinP { get; init; } = 0.05f;

    /// <summary>Penalty for tokens among the last <see cref="RepetitionWindow"/>; 1 disables.</summary>
    public float RepetitionPenalty { get; init; } = 1f;

    /// <summary>Subtracted from a token's logit once per earlier occurrence in the window; 0 disables.</summary>
    public float FrequencyPenalty { get; init; }

    /// <summary>Subtracted from a token's logit if it occurred in the window; 0 disables.</summary>
    public float PresencePenalty { get; init; }

    /// <summary>How many recent tokens the penalties look at.</summary>
    public int RepetitionWindow { get; init; } = 64;

    /// <summary>Random seed; null draws one.</summary>
    public uint? Seed { get; init; }

    /// <summary>A GBNF grammar (root rule "root") that every output must match; null leaves output free.</summary>
    public string? Grammar { get; init; }
}
