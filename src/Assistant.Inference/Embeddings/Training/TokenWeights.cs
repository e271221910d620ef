namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Fixed token weights: inverse document frequency over the texts trained and evaluated on, so that «▁», «.» and
/// «Республики» count less than the words that tell norms apart. Weights are not learned: the text vector is
/// L2-normalised, so a token's learned vector length already acts as a learned weight on top of its idf.
/// Tokens absent from the texts weigh 0: their vectors never trained.
/// </summary>
internal static class TokenWeights
{
    public static float[] InverseDocumentFrequency(int vocabularySize, IEnumerable<ReadOnlyMemory<int>> texts, IReadOnlyList<int> ignored)
    {
        var documents = new int[vocabularySize];
        var seenIn = new int[vocabularySize];
        var count = 0;
        foreach (var text in texts)
        {
            count++;
            foreach (var token in text.Span)
            {
                // seenIn holds the last text (1-based) a token was counted in, so repeats within a text count once.
                if (seenIn[token] != count)
                {
                    seenIn[token] = count;
                    documents[token]++;
                }
            }
        }

        var weights = new float[vocabularySize];
        for (var token = 0; token < vocabularySize; token++)
        {
            weights[token] = documents[token] == 0 ? 0f : (float)Math.Log(1.0 + ((double)count / documents[token]));
        }

        foreach (var token in ignored)
        {
            weights[token] = 0f;
        }

        return weights;
    }
}
