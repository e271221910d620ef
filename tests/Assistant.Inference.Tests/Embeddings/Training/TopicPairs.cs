using Assistant.Inference.Embeddings.Training;

namespace Assistant.Inference.Tests.Embeddings.Training;

/// <summary>
/// Synthetic pairs like translations: each topic has its own anchor tokens and its own, different positive tokens,
/// and both sides carry shared filler tokens. Only training can tell which positive tokens go with which anchor tokens.
/// </summary>
internal static class TopicPairs
{
    public const int Topics = 40;
    private const int Fillers = 6;
    private const int TokensPerSide = 5;

    public static int VocabularySize => Fillers + (Topics * 2 * TokensPerSide);

    public static List<TokenPair> Make(int count, int seed)
    {
        var random = new Random(seed);
        var pairs = new List<TokenPair>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = random.Next(Topics);
            var anchorBase = Fillers + (topic * 2 * TokensPerSide);
            pairs.Add(new TokenPair(
                Side(random, anchorBase),
                Side(random, anchorBase + TokensPerSide),
                i % 2 == 0 ? "even" : "odd",
                "x-y"));
        }

        return pairs;
    }

    private static int[] Side(Random random, int first)
    {
        var tokens = Enumerable.Range(first, TokensPerSide).Where(_ => random.NextDouble() < 0.6).ToList();
        tokens.Add(first + random.Next(TokensPerSide));
        tokens.Add(random.Next(Fillers));
        tokens.Add(random.Next(Fillers));
        return [.. tokens];
    }
}
