using System.Numerics.Tensors;

namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Adagrad over embedding rows, updating only the rows a batch touched. Adagrad suits sparse updates: its state
/// (a running sum of squared gradients) does not decay between the steps a row is absent from, so skipping a row
/// is exact, with no lazy catch-up as Adam would need.
/// </summary>
internal sealed class AdagradRows(int rows, int dimensions, float learningRate, ParallelOptions parallel)
{
    private const float Epsilon = 1e-8f;

    private readonly float[] squares = new float[checked(rows * dimensions)];

    public void Apply(float[] vectors, IReadOnlyList<int> tokens, ReadOnlySpan<float> gradient)
    {
        var d = dimensions;
        var gradients = gradient.ToArray();
        Parallel.For(0, tokens.Count, parallel, () => new float[d], (i, _, step) =>
        {
            var token = tokens[i];
            var g = gradients.AsSpan(i * d, d);
            var sum = squares.AsSpan(token * d, d);
            var row = vectors.AsSpan(token * d, d);
            TensorPrimitives.MultiplyAdd(g, g, sum, sum);
            TensorPrimitives.Sqrt(sum, step);
            TensorPrimitives.Add(step, Epsilon, step);
            TensorPrimitives.Divide(g, step, step);
            TensorPrimitives.MultiplyAdd(step, -learningRate, row, row);
            return step;
        }, _ => { });
    }
}
