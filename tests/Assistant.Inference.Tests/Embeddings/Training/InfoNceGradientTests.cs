using Assistant.Inference.Embeddings.Training;

namespace Assistant.Inference.Tests.Embeddings.Training;

public class InfoNceGradientTests
{
    private const int Vocabulary = 8;
    private const int Dimensions = 5;
    private const float Step = 1e-3f;

    [Fact]
    public void Token_gradient_matches_finite_differences_of_the_loss()
    {
        var random = new Random(5);
        var vectors = Enumerable.Range(0, Vocabulary * Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var weights = Enumerable.Range(0, Vocabulary).Select(_ => (float)(0.5 + random.NextDouble())).ToArray();
        weights[7] = 0f;
        TokenPair[] batch =
        [
            new([0, 1, 1, 7], [2, 3], "k", "ru-kk"),
            new([4, 5], [5, 6, 0], "k", "ru-kk"),
            new([2, 6, 3], [1, 4, 7, 7], "k", "ru-kk"),
        ];
        var step = NewStep();
        step.Run(batch, vectors, weights);
        var gradient = step.Gradient.ToArray();
        var tokens = step.Tokens.ToList();

        for (var row = 0; row < tokens.Count; row++)
        {
            for (var k = 0; k < Dimensions; k++)
            {
                var index = (tokens[row] * Dimensions) + k;
                var saved = vectors[index];
                vectors[index] = saved + Step;
                var up = NewStep().Run(batch, vectors, weights);
                vectors[index] = saved - Step;
                var down = NewStep().Run(batch, vectors, weights);
                vectors[index] = saved;

                var numeric = (up - down) / (2 * Step);
                var analytic = gradient[(row * Dimensions) + k];
                Assert.True(
                    Math.Abs(numeric - analytic) <= 2e-3 + (0.02 * Math.Abs(numeric)),
                    $"token {tokens[row]}, dimension {k}: analytic {analytic}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void A_token_of_weight_zero_gets_no_gradient()
    {
        var vectors = Enumerable.Range(0, Vocabulary * Dimensions).Select(i => MathF.Sin(i)).ToArray();
        var weights = Enumerable.Repeat(1f, Vocabulary).ToArray();
        weights[3] = 0f;
        var step = NewStep();

        step.Run([new([3, 1], [2], "k", "ru-ru"), new([4], [3, 5], "k", "ru-ru")], vectors, weights);

        var row = step.Tokens.ToList().IndexOf(3);
        Assert.All(step.Gradient.Slice(row * Dimensions, Dimensions).ToArray(), g => Assert.Equal(0f, g));
    }

    private static InfoNceStep NewStep() =>
        new(Dimensions, temperature: 0.5f, maxTokens: 16, new ParallelOptions { MaxDegreeOfParallelism = 1 });
}
