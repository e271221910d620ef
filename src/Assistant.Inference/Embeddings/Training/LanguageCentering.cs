using System.Numerics.Tensors;

namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Moves the Russian and the Kazakh text vectors to one centre. Trained on far more pairs within a language than
/// across, the model puts every Kazakh text nearer every other Kazakh text than to its Russian equivalent, so a Kazakh
/// question found Kazakh acts on its topic and never the Russian-only code it asks about. Subtracting the mean of the
/// two language means, and then the direction from one mean to the other, leaves both means at zero; as a text
/// vector is a weighted mean of token vectors, the same affine map applied to every token vector does exactly that
/// to every text vector, so the written model needs no extra step.
/// </summary>
internal static class LanguageCentering
{
    /// <summary>Texts per language averaged at most: the means settle long before.</summary>
    private const int MaxTextsPerLanguage = 50_000;

    /// <summary>Applies the map to <paramref name="vectors"/> in place; returns false (nothing changed) unless both languages have texts.</summary>
    public static bool Apply(float[] vectors, float[] weights, int dimensions, IReadOnlyList<TokenPair> pairs, int maxTokens, ParallelOptions parallel)
    {
        var russian = Mean(Texts(pairs, "ru", maxTokens), vectors, weights, dimensions, parallel);
        var kazakh = Mean(Texts(pairs, "kk", maxTokens), vectors, weights, dimensions, parallel);
        if (russian is null || kazakh is null)
        {
            return false;
        }

        var centre = new float[dimensions];
        TensorPrimitives.Add(russian, kazakh, centre);
        TensorPrimitives.Multiply(centre, 0.5f, centre);
        var direction = new float[dimensions];
        TensorPrimitives.Subtract(kazakh, russian, direction);
        var length = TensorPrimitives.Norm(direction);
        if (length > 0f)
        {
            TensorPrimitives.Divide(direction, length, direction);
        }

        var rows = vectors.Length / dimensions;
        Parallel.For(0, rows, parallel, token =>
        {
            var row = vectors.AsSpan(token * dimensions, dimensions);
            TensorPrimitives.Subtract(row, centre, row);
            TensorPrimitives.MultiplyAdd(direction, -TensorPrimitives.Dot(row, direction), row, row);
        });
        return true;
    }

    /// <summary>Distinct texts of one language among the pair sides, in first-seen order, clipped as training clips them.</summary>
    private static List<int[]> Texts(IReadOnlyList<TokenPair> pairs, string language, int maxTokens)
    {
        var seen = new HashSet<int[]>(TokenSequenceComparer.Instance);
        var texts = new List<int[]>();
        foreach (var pair in pairs)
        {
            var languages = pair.Languages.Split('-');
            foreach (var (tokens, side) in new[] { (pair.Anchor, languages[0]), (pair.Positive, languages[^1]) })
            {
                var clipped = tokens.Length <= maxTokens ? tokens : tokens[..maxTokens];
                if (side == language && texts.Count < MaxTextsPerLanguage && seen.Add(clipped))
                {
                    texts.Add(clipped);
                }
            }
        }

        return texts;
    }

    /// <summary>The mean of the texts' vectors before normalisation (Σ wₜ eₜ / Σ wₜ), null when none has a weighted token.</summary>
    private static float[]? Mean(List<int[]> texts, float[] vectors, float[] weights, int dimensions, ParallelOptions parallel)
    {
        var pooled = new float[texts.Count * dimensions];
        var counted = new bool[texts.Count];
        Parallel.For(0, texts.Count, parallel, i =>
        {
            var output = pooled.AsSpan(i * dimensions, dimensions);
            var text = Pooling.Forward(texts[i], weights, vectors, output);
            counted[i] = !text.IsEmpty;
            TensorPrimitives.Multiply(output, text.Norm, output);
        });

        // Summed in a fixed order in double, so that the mean does not depend on the thread count.
        var sum = new double[dimensions];
        var count = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            if (!counted[i])
            {
                continue;
            }

            count++;
            var row = pooled.AsSpan(i * dimensions, dimensions);
            for (var k = 0; k < dimensions; k++)
            {
                sum[k] += row[k];
            }
        }

        return count == 0 ? null : [.. sum.Select(value => (float)(value / count))];
    }
}
