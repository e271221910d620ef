namespace Assistant.Inference.Embeddings;

/// <summary>
/// A static embedding model: one vector and one weight per token of a vocabulary. A text's embedding is the
/// weight-averaged vector of its tokens, L2-normalised; no attention, so it embeds thousands of norms a second on a CPU.
/// Written as ONNX by the project itself and trained from the corpus (indexer train-embedder).
/// </summary>
/// <param name="Vectors">Row-major, <paramref name="VocabularySize"/> × <paramref name="Dimensions"/>.</param>
/// <param name="Weights">One per token; padding and other tokens that must not count weigh 0.</param>
public sealed record StaticEmbeddingModel(int VocabularySize, int Dimensions, float[] Vectors, float[] Weights)
{
    /// <summary>The vector of one token.</summary>
    public ReadOnlySpan<float> VectorOf(int token) => Vectors.AsSpan(token * Dimensions, Dimensions);
}
