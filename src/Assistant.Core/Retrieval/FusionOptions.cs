namespace Assistant.Core.Retrieval;

/// <summary>How lexical and dense rankings are fused (configuration section "Retrieval").</summary>
public sealed record FusionOptions
{
    /// <summary>
    /// Reciprocal rank fusion's k: a norm at rank r adds 1/(k + r). 60 is the value of Cormack et al.; smaller k lets
    /// the first few ranks of each side dominate.
    /// </summary>
    public int RrfK { get; init; } = 60;

    /// <summary>Lexical candidates fused, per question.</summary>
    public int LexicalDepth { get; init; } = 50;

    /// <summary>Dense candidates fused, per question.</summary>
    public int DenseDepth { get; init; } = 50;

    /// <summary>Throws when a value cannot work, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(RrfK, nameof(RrfK));
        ArgumentOutOfRangeException.ThrowIfLessThan(LexicalDepth, 1, nameof(LexicalDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(DenseDepth, 1, nameof(DenseDepth));
    }
}
