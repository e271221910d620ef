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

    /// <summary>Weight of a lexical rank's contribution.</summary>
    public double LexicalWeight { get; init; } = 1.0;

    /// <summary>
    /// Weight of a dense rank's contribution. Below 1 the dense side mostly breaks ties and adds norms lexical search
    /// missed, which suits a weak (untrained static) model; a strong model earns 1.
    /// </summary>
    public double DenseWeight { get; init; } = 1.0;

    /// <summary>Throws when a value cannot work, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(RrfK, nameof(RrfK));
        ArgumentOutOfRangeException.ThrowIfLessThan(LexicalDepth, 1, nameof(LexicalDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(DenseDepth, 1, nameof(DenseDepth));
        ArgumentOutOfRangeException.ThrowIfNegative(LexicalWeight, nameof(LexicalWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(DenseWeight, nameof(DenseWeight));
    }
}
