namespace Assistant.Inference.Embeddings.Training;

/// <summary>Hyper-parameters of <see cref="StaticEmbeddingTrainer"/>.</summary>
public sealed record TrainerOptions
{
    public int Dimensions { get; init; } = 256;

    /// <summary>Pairs per step; every other pair of the batch is a negative.</summary>
    public int BatchSize { get; init; } = 256;

    public int Epochs { get; init; } = 2;

    /// <summary>InfoNCE temperature: cosine similarities are divided by it before the softmax.</summary>
    public float Temperature { get; init; } = 0.05f;

    /// <summary>Adagrad step size.</summary>
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>Seeds the initial vectors and the order of pairs: the same seed and pairs give bit-identical vectors.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Worker threads; the result does not depend on it.</summary>
    public int Threads { get; init; } = Math.Min(Environment.ProcessorCount, 2);

    /// <summary>A point of the loss curve (and a progress report) every this many steps.</summary>
    public int ReportEvery { get; init; } = 50;

    /// <summary>Texts longer than this many tokens train on their first ones.</summary>
    public int MaxTokens { get; init; } = 128;

    /// <summary>Held-out pairs evaluated at most (a seeded sample when there are more): ranking is quadratic.</summary>
    public int EvaluationPairs { get; init; } = 20_000;

    /// <summary>Tokens that never count (special tokens, unknown): weight 0.</summary>
    public IReadOnlyList<int> IgnoredTokens { get; init; } = [];

    /// <summary>Pairs of these kinds are trained on this many times an epoch (others once): a rare kind can matter most.</summary>
    public IReadOnlyDictionary<string, int> Repeats { get; init; } = new Dictionary<string, int>();

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, 1, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 2, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Temperature, nameof(Temperature));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReportEvery, 1, nameof(ReportEvery));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 1, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfLessThan(EvaluationPairs, 1, nameof(EvaluationPairs));
        foreach (var (kind, repeats) in Repeats)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1, $"{nameof(Repeats)}[{kind}]");
        }
    }
}
