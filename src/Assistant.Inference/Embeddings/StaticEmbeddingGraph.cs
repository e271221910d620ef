using Assistant.Inference.Onnx.Graphs;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Assistant.Inference.Embeddings;

/// <summary>
/// The ONNX graph of a <see cref="StaticEmbeddingModel"/>: token vectors and weights gathered by id, weights masked by
/// the attention mask, the weighted sum over the sequence divided by the weight total, then L2-normalised. The graph
/// pools by itself, so its manifest declares pooling "none".
/// </summary>
public static class StaticEmbeddingGraph
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string Output = "sentence_embedding";

    /// <summary>Floor for the weight total and the norm, so an all-padding or all-zero row yields zeros, not NaN.</summary>
    public const float Epsilon = 1e-12f;

    public static OnnxGraph Build(StaticEmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Vectors.Length != (long)model.VocabularySize * model.Dimensions || model.Weights.Length != model.VocabularySize)
        {
            throw new ArgumentException(
                $"The static model declares {model.VocabularySize} tokens × {model.Dimensions} dimensions but holds "
                + $"{model.Vectors.Length} vector values and {model.Weights.Length} weights.",
                nameof(model));
        }

        var batch = OnnxDimension.Dynamic("batch");
        var sequence = OnnxDimension.Dynamic("sequence");
        return new OnnxGraph("static_embedding")
            .Input(InputIds, TensorElementType.Int64, batch, sequence)
            .Input(AttentionMask, TensorElementType.Int64, batch, sequence)
            .Output(Output, TensorElementType.Float, batch, OnnxDimension.Fixed(model.Dimensions))
            .Initializer("vectors", model.Vectors, model.VocabularySize, model.Dimensions)
            .Initializer("weights", model.Weights, model.VocabularySize)
            .Initializer("epsilon", new[] { Epsilon }, 1)
            .Initializer("axis_1", new long[] { 1 }, 1)
            .Node("Gather", ["vectors", InputIds], ["token_vectors"], OnnxAttributeValue.Of("axis", 0))
            .Node("Gather", ["weights", InputIds], ["token_weights"], OnnxAttributeValue.Of("axis", 0))
            .Node("Cast", [AttentionMask], ["mask"], OnnxAttributeValue.Of("to", (long)TensorElementType.Float))
            .Node("Mul", ["token_weights", "mask"], ["masked_weights"])
            .Node("Unsqueeze", ["masked_weights", "axis_1"], ["weight_rows"])
            .Node("MatMul", ["weight_rows", "token_vectors"], ["weighted_rows"])
            .Node("Squeeze", ["weighted_rows", "axis_1"], ["weighted_sum"])
            .Node("ReduceSum", ["masked_weights", "axis_1"], ["weight_total"], OnnxAttributeValue.Of("keepdims", 1))
            .Node("Max", ["weight_total", "epsilon"], ["safe_total"])
            .Node("Div", ["weighted_sum", "safe_total"], ["mean"])
            .Node("Mul", ["mean", "mean"], ["squares"])
            .Node("ReduceSum", ["squares", "axis_1"], ["square_sum"], OnnxAttributeValue.Of("keepdims", 1))
            .Node("Sqrt", ["square_sum"], ["norm"])
            .Node("Max", ["norm", "epsilon"], ["safe_norm"])
            .Node("Div", ["mean", "safe_norm"], [Output]);
    }
}
