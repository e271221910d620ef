using System.Numerics.Tensors;
using Assistant.Inference.Embeddings.Training;

namespace Assistant.Inference.Tests.Embeddings.Training;

public class LanguageCenteringTests
{
    private const int Dimensions = 8;
    private const int Words = 10;
    private static readonly ParallelOptions Parallel = new() { MaxDegreeOfParallelism = 2 };

    [Fact]
    public void Both_language_means_move_to_zero()
    {
        var (vectors, weights, pairs) = Translations();

        Assert.True(LanguageCentering.Apply(vectors, weights, Dimensions, pairs, 128, Parallel));

        foreach (var side in new Func<TokenPair, int[]>[] { p => p.Anchor, p => p.Positive })
        {
            var mean = new float[Dimensions];
            foreach (var pair in pairs)
            {
                TensorPrimitives.Add(mean, Pooled(side(pair), vectors, weights), mean);
            }

            Assert.All(mean, value => Assert.Equal(0f, value / pairs.Count, 4));
        }
    }

    [Fact]
    public void A_translation_shifted_by_a_language_offset_becomes_as_close_as_its_original()
    {
        var (vectors, weights, pairs) = Translations();
        var before = pairs.Average(p => Cosine(p, vectors, weights));

        LanguageCentering.Apply(vectors, weights, Dimensions, pairs, 128, Parallel);

        var after = pairs.Average(p => Cosine(p, vectors, weights));
        Assert.True(before < 0.8, $"before {before}");
        Assert.True(after > 0.99, $"after {after}");
    }

    [Fact]
    public void Without_texts_in_both_languages_nothing_changes()
    {
        var (vectors, weights, pairs) = Translations();
        var copy = vectors.ToArray();
        var monolingual = pairs.Select(p => p with { Languages = "ru-ru" }).ToList();

        Assert.False(LanguageCentering.Apply(vectors, weights, Dimensions, monolingual, 128, Parallel));
        Assert.Equal(copy, vectors);
    }

    /// <summary>
    /// Russian words 0–9 and their Kazakh translations 10–19: each Kazakh vector is its Russian word's vector plus one
    /// offset common to the language, as a model trained mostly within languages leaves them.
    /// </summary>
    private static (float[] Vectors, float[] Weights, List<TokenPair> Pairs) Translations()
    {
        var random = new Random(3);
        var vectors = new float[2 * Words * Dimensions];
        for (var i = 0; i < Words * Dimensions; i++)
        {
            vectors[i] = (float)((random.NextDouble() * 2) - 1);
            vectors[(Words * Dimensions) + i] = vectors[i] + (i % Dimensions == 0 ? 3f : 0f);
        }

        var weights = Enumerable.Repeat(1f, 2 * Words).ToArray();
        var pairs = Enumerable.Range(0, 50)
            .Select(_ => Enumerable.Range(0, 3).Select(_ => random.Next(Words)).ToArray())
            .Select(words => new TokenPair(words, [.. words.Select(w => w + Words)], "Translation", "ru-kk"))
            .ToList();
        return (vectors, weights, pairs);
    }

    private static float[] Pooled(int[] tokens, float[] vectors, float[] weights)
    {
        var output = new float[Dimensions];
        var pooled = Pooling.Forward(tokens, weights, vectors, output);
        TensorPrimitives.Multiply(output, pooled.Norm, output);
        return output;
    }

    private static double Cosine(TokenPair pair, float[] vectors, float[] weights) =>
        TensorPrimitives.CosineSimilarity(Pooled(pair.Anchor, vectors, weights), Pooled(pair.Positive, vectors, weights));
}
