using System.Numerics.Tensors;

namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Symmetric InfoNCE with in-batch negatives over B anchors and B positives (unit vectors): logits Sᵢⱼ = uᵢ·vⱼ / τ,
/// loss = mean over i of ½(−log softmax_row(S)ᵢᵢ − log softmax_col(S)ᵢᵢ). Every row and column is computed on its own,
/// so the result does not depend on how rows are spread over threads.
/// </summary>
internal sealed class InfoNce(int dimensions, float temperature, ParallelOptions parallel)
{
    private float[] logits = [];
    private float[] gradient = [];
    private float[] rowLoss = [];
    private float[] columnLoss = [];

    /// <summary>Returns the loss and writes dL/du and dL/dv.</summary>
    public double Compute(float[] anchors, float[] positives, int count, float[] anchorGradient, float[] positiveGradient)
    {
        if (logits.Length < count * count)
        {
            logits = new float[count * count];
            gradient = new float[count * count];
            rowLoss = new float[count];
            columnLoss = new float[count];
        }

        var d = dimensions;
        var inverseTemperature = 1f / temperature;
        Parallel.For(0, count, parallel, i =>
        {
            var anchor = anchors.AsSpan(i * d, d);
            var row = logits.AsSpan(i * count, count);
            for (var j = 0; j < count; j++)
            {
                row[j] = TensorPrimitives.Dot(anchor, positives.AsSpan(j * d, d)) * inverseTemperature;
            }
        });

        // G = dL/dS = (softmax_row(S) − I + softmax_col(S) − I) / 2B, built in two passes over the logits.
        var scale = 0.5f / count;
        Parallel.For(0, count, parallel, i =>
        {
            var row = logits.AsSpan(i * count, count);
            var max = TensorPrimitives.Max(row);
            var sum = 0.0;
            foreach (var logit in row)
            {
                sum += Math.Exp(logit - max);
            }

            var logSum = max + (float)Math.Log(sum);
            rowLoss[i] = logSum - row[i];
            var target = gradient.AsSpan(i * count, count);
            for (var j = 0; j < count; j++)
            {
                target[j] = (MathF.Exp(row[j] - logSum) - (i == j ? 1f : 0f)) * scale;
            }
        });
        Parallel.For(0, count, parallel, j =>
        {
            var max = float.NegativeInfinity;
            for (var i = 0; i < count; i++)
            {
                max = Math.Max(max, logits[(i * count) + j]);
            }

            var sum = 0.0;
            for (var i = 0; i < count; i++)
            {
                sum += Math.Exp(logits[(i * count) + j] - max);
            }

            var logSum = max + (float)Math.Log(sum);
            columnLoss[j] = logSum - logits[(j * count) + j];
            for (var i = 0; i < count; i++)
            {
                gradient[(i * count) + j] += (MathF.Exp(logits[(i * count) + j] - logSum) - (i == j ? 1f : 0f)) * scale;
            }
        });

        // dL/duᵢ = Σⱼ Gᵢⱼ vⱼ / τ and dL/dvⱼ = Σᵢ Gᵢⱼ uᵢ / τ, each a sum in a fixed order.
        Parallel.For(0, count, parallel, i =>
        {
            var target = anchorGradient.AsSpan(i * d, d);
            target.Clear();
            for (var j = 0; j < count; j++)
            {
                TensorPrimitives.MultiplyAdd(positives.AsSpan(j * d, d), gradient[(i * count) + j] * inverseTemperature, target, target);
            }
        });
        Parallel.For(0, count, parallel, j =>
        {
            var target = positiveGradient.AsSpan(j * d, d);
            target.Clear();
            for (var i = 0; i < count; i++)
            {
                TensorPrimitives.MultiplyAdd(anchors.AsSpan(i * d, d), gradient[(i * count) + j] * inverseTemperature, target, target);
            }
        });

        var loss = 0.0;
        for (var i = 0; i < count; i++)
        {
            loss += rowLoss[i] + columnLoss[i];
        }

        return loss * scale;
    }
}
