using Assistant.Core.Embeddings;
using Assistant.Inference.Embeddings.Training;
using Assistant.Inference.Tokenizers;

namespace Assistant.Indexer.Training;

/// <summary>
/// Tokenizes mined pairs without special tokens, each distinct text once (a norm is a side of several pairs, and
/// many local acts repeat the same sentences), keeping the first <c>maxTokens</c> ids.
/// </summary>
internal sealed class PairTokenizer(ITextTokenizer tokenizer, int maxTokens)
{
    /// <summary>Token ids of each text, in order.</summary>
    public int[][] Tokenize(IReadOnlyList<string> texts, ParallelOptions parallel)
    {
        var tokens = new int[texts.Count][];
        Parallel.For(0, texts.Count, parallel, i => tokens[i] = Encode(texts[i]));
        return tokens;
    }

    public (List<TokenPair> Training, List<TokenPair> HeldOut) Tokenize(
        MinedPairs pairs, int threads, IProgress<EmbedderTrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        foreach (var pair in pairs.Training.Concat(pairs.HeldOut))
        {
            foreach (var text in new[] { pair.Anchor.Text, pair.Positive.Text })
            {
                if (indexOf.TryAdd(text, texts.Count))
                {
                    texts.Add(text);
                }
            }
        }

        var tokens = new int[texts.Count][];
        var done = 0;
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, i =>
        {
            tokens[i] = Encode(texts[i]);
            var count = Interlocked.Increment(ref done);
            if (count % 10_000 == 0 || count == texts.Count)
            {
                progress?.Report(new EmbedderTrainingProgress(TrainingStage.Tokenizing, count, texts.Count, null));
            }
        });

        TokenPair ToTokens(TextPair pair) =>
            new(tokens[indexOf[pair.Anchor.Text]], tokens[indexOf[pair.Positive.Text]], pair.Kind.ToString(), pair.Languages);

        return ([.. pairs.Training.Select(ToTokens)], [.. pairs.HeldOut.Select(ToTokens)]);
    }

    private int[] Encode(string text) => [.. tokenizer.Encode(text, addSpecialTokens: false).Take(maxTokens)];
}
