using Assistant.Core.Retrieval.Reranking;
using Microsoft.ML.Data;

namespace Assistant.Inference.Reranking;

/// <summary>One candidate of one question as ML.NET reads it: the features, and for training its group and label.</summary>
internal sealed class RerankRow
{
    /// <summary>1 for a right norm, 0 for the others.</summary>
    public float Label { get; set; }

    /// <summary>The question the candidate belongs to: LambdaMART orders within a group.</summary>
    public uint Group { get; set; }

    [VectorType(RerankFeatures.Count)]
    public float[] Features { get; set; } = [];
}

internal sealed class RerankScore
{
    public float Score { get; set; }
}
