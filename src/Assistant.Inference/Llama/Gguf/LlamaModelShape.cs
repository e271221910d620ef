namespace Assistant.Inference.Llama.Gguf;

/// <summary>The dimensions of a llama-architecture model.</summary>
public sealed record LlamaModelShape
{
    /// <summary>The KazLLM-8B (Llama-3.1-8B) shape.</summary>
    public static LlamaModelShape Llama8B { get; } = new()
    {
        Layers = 32,
        EmbeddingSize = 4096,
        FeedForwardSize = 14336,
        Heads = 32,
        KeyValueHeads = 8,
        ContextLength = 8192,
    };

    public required int Layers { get; init; }

    public required int EmbeddingSize { get; init; }

    public required int FeedForwardSize { get; init; }

    public required int Heads { get; init; }

    public required int KeyValueHeads { get; init; }

    public int ContextLength { get; init; } = 4096;

    public float RopeFrequencyBase { get; init; } = 500_000f;

    public float RmsNormEpsilon { get; init; } = 1e-5f;

    public int HeadSize => EmbeddingSize / Heads;

    /// <summary>Weights in the model for a vocabulary of <paramref name="vocabularySize"/> tokens.</summary>
    public long ParameterCount(long vocabularySize)
    {
        long d = EmbeddingSize;
        long kv = (long)HeadSize * KeyValueHeads;
        var perLayer = (2 * d * d) + (2 * d * kv) + (3 * d * FeedForwardSize) + (2 * d);
        return (2 * vocabularySize * d) + d + (Layers * perLayer);
    }

    /// <summary>
    /// A shape of about <paramref name="parameters"/> weights for the vocabulary: width grows with the budget,
    /// 64-wide heads, four query heads per KV head, feed-forward 2.75× the width.
    /// </summary>
    public static LlamaModelShape ForParameterCount(long parameters, long vocabularySize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        LlamaModelShape? best = null;
        foreach (var width in new[] { 64, 128, 192, 256, 320, 384, 512, 768, 1024, 1536, 2048, 3072, 4096 })
        {
            for (var layers = 1; layers <= 48; layers++)
            {
                var heads = Math.Max(1, width / 64);
                var shape = new LlamaModelShape
                {
                    Layers = layers,
                    EmbeddingSize = width,
                    FeedForwardSize = (width * 11 / 4) + 31 & ~31,
                    Heads = heads,
                    KeyValueHeads = heads % 4 == 0 ? heads / 4 : heads,
                };
                if (best is null || Math.Abs(shape.ParameterCount(vocabularySize) - parameters) < Math.Abs(best.ParameterCount(vocabularySize) - parameters))
                {
                    best = shape;
                }
            }
        }

        return best!;
    }
}
