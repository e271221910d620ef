namespace Assistant.Inference.Embeddings.Training;

/// <summary>Seeded Gaussian initial vectors of length about 1: before training a text's vector is a random projection of its idf-weighted bag of tokens.</summary>
internal static class RandomVectors
{
    public static float[] Gaussian(int rows, int dimensions, int seed)
    {
        var vectors = new float[checked(rows * dimensions)];
        var random = new Random(seed);
        var scale = 1.0 / Math.Sqrt(dimensions);
        for (var i = 0; i < vectors.Length; i += 2)
        {
            // Box-Muller: two normal draws from two uniform ones.
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * scale;
            var angle = 2.0 * Math.PI * random.NextDouble();
            vectors[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < vectors.Length)
            {
                vectors[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }

        return vectors;
    }
}
