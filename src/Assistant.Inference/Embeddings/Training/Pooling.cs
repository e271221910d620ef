using System.Numerics.Tensors;

namespace Assistant.Inference.Embeddings.Training;

/// <summary>The model's text encoder and its gradient: u = s / |s|, s = Σ wₜ eₜ / Σ wₜ.</summary>
internal static class Pooling
{
    /// <summary>Writes the unit text vector to <paramref name="output"/> (zeros when no token weighs anything).</summary>
    public static PooledText Forward(ReadOnlySpan<int> tokens, ReadOnlySpan<float> weights, ReadOnlySpan<float> vectors, Span<float> output)
    {
        var dimensions = output.Length;
        output.Clear();
        var total = 0f;
        foreach (var token in tokens)
        {
            var weight = weights[token];
            if (weight != 0f)
            {
                TensorPrimitives.MultiplyAdd(vectors.Slice(token * dimensions, dimensions), weight, output, output);
                total += weight;
            }
        }

        if (total <= 0f)
        {
            return default;
        }

        TensorPrimitives.Divide(output, total, output);
        var norm = TensorPrimitives.Norm(output);
        if (norm <= 0f)
        {
            output.Clear();
            return default;
        }

        TensorPrimitives.Divide(output, norm, output);
        return new PooledText(total, norm);
    }

    /// <summary>
    /// Adds dL/deₜ of each token to its row of <paramref name="gradient"/>, given dL/du: the normalisation passes on
    /// only the part of dL/du orthogonal to u, scaled by 1/|s|; the mean passes wₜ/Σw of it to each token.
    /// </summary>
    /// <param name="rows">The gradient row of each token (same order as <paramref name="tokens"/>).</param>
    /// <param name="scratch">Room for one vector.</param>
    public static void Backward(
        ReadOnlySpan<int> tokens,
        ReadOnlySpan<int> rows,
        ReadOnlySpan<float> weights,
        ReadOnlySpan<float> unit,
        PooledText pooled,
        ReadOnlySpan<float> unitGradient,
        Span<float> scratch,
        Span<float> gradient)
    {
        if (pooled.IsEmpty)
        {
            return;
        }

        var dimensions = unit.Length;
        var along = TensorPrimitives.Dot(unit, unitGradient);
        TensorPrimitives.MultiplyAdd(unit, -along, unitGradient, scratch);
        TensorPrimitives.Multiply(scratch, 1f / pooled.Norm, scratch);
        for (var i = 0; i < tokens.Length; i++)
        {
            var weight = weights[tokens[i]];
            if (weight != 0f)
            {
                var row = gradient.Slice(rows[i] * dimensions, dimensions);
                TensorPrimitives.MultiplyAdd(scratch, weight / pooled.TotalWeight, row, row);
            }
        }
    }
}
