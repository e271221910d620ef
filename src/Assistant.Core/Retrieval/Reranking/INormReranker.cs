namespace Assistant.Core.Retrieval.Reranking;

/// <summary>Scores candidates from their <see cref="RerankFeatures"/>: higher is better, comparable within one question.</summary>
public interface INormReranker
{
    /// <summary>What the model is, for logs and search output (its file).</summary>
    string Name { get; }

    IReadOnlyList<double> Score(IReadOnlyList<float[]> features);
}
