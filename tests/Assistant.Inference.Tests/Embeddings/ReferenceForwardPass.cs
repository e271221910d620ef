using Assistant.Inference.Embeddings;

namespace Assistant.Inference.Tests.Embeddings;

/// <summary>A plain C# forward pass of a static model, written independently of the ONNX graph to check it.</summary>
internal static class ReferenceForwardPass
{
    public static float[] Embed(StaticEmbeddingModel model, IReadOnlyList<int> ids)
    {
        var sum = new double[model.Dimensions];
        var total = 0d;
        foreach (var id in ids)
        {
            var weight = model.Weights[id];
            total += weight;
            var vector = model.VectorOf(id);
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] += weight * vector[d];
            }
        }

        var mean = sum.Select(value => value / Math.Max(total, StaticEmbeddingGraph.Epsilon)).ToArray();
        var norm = Math.Max(Math.Sqrt(mean.Sum(value => value * value)), StaticEmbeddingGraph.Epsilon);
        return mean.Select(value => (float)(value / norm)).ToArray();
    }

    public static StaticEmbeddingModel RandomModel(int vocabularySize, int dimensions, int seed)
    {
        var random = new Random(seed);
        var vectors = Enumerable.Range(0, vocabularySize * dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var weights = Enumerable.Range(0, vocabularySize).Select(id => id == 0 ? 0f : (float)random.NextDouble() + 0.1f).ToArray();
        return new StaticEmbeddingModel(vocabularySize, dimensions, vectors, weights);
    }

    public static void AssertClose(IReadOnlyList<float> expected, ReadOnlySpan<float> actual, float tolerance = 1e-5f)
    {
        Assert.Equal(expected.Count, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"Component {i}: expected {expected[i]}, got {actual[i]}.");
        }
    }
}
