using System.Diagnostics;

namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Trains a <see cref="StaticEmbeddingModel"/> on positive pairs with a symmetric InfoNCE loss and in-batch negatives.
/// Only rows of tokens in a batch are touched (sparse Adagrad). The same pairs, options and seed give bit-identical
/// vectors whatever the thread count. Tokens that occur in no pair keep their random vector and weigh 0.
/// </summary>
public static class StaticEmbeddingTrainer
{
    public static TrainingResult Train(
        int vocabularySize,
        IReadOnlyList<TokenPair> training,
        IReadOnlyList<TokenPair> heldOut,
        TrainerOptions options,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 1);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CheckTokens(training, vocabularySize, "training");
        CheckTokens(heldOut, vocabularySize, "held-out");
        foreach (var token in options.IgnoredTokens)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)token, (uint)vocabularySize, nameof(options.IgnoredTokens));
        }

        var stopwatch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken };
        var d = options.Dimensions;
        var weights = TokenWeights.InverseDocumentFrequency(
            vocabularySize,
            training.Concat(heldOut).SelectMany(pair => new[] { Clip(pair.Anchor, options), Clip(pair.Positive, options) }),
            options.IgnoredTokens);
        var vectors = RandomVectors.Gaussian(vocabularySize, d, options.Seed);
        var random = new Random(options.Seed);
        var evaluator = new HeldOutEvaluator(Sample(heldOut, options.EvaluationPairs, random), options.MaxTokens, parallel);

        progress?.Report(new TrainingProgress(TrainingPhase.EvaluatingBefore, 0, 0, null));
        var before = evaluator.Evaluate(vectors, weights, d);

        var order = Enumerable.Range(0, training.Count)
            .SelectMany(i => Enumerable.Repeat(i, options.Repeats.GetValueOrDefault(training[i].Kind, 1)))
            .ToArray();
        var batchesPerEpoch = order.Length / options.BatchSize;
        var steps = batchesPerEpoch * options.Epochs;
        var step = new InfoNceStep(d, options.Temperature, options.MaxTokens, parallel);
        var optimizer = new AdagradRows(vocabularySize, d, options.LearningRate, parallel);
        var curve = new List<LossPoint>();
        var batch = new TokenPair[options.BatchSize];
        var done = 0;
        var lossSince = 0.0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var b = 0; b < batchesPerEpoch; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i] = training[order[(b * batch.Length) + i]];
                }

                lossSince += step.Run(batch, vectors, weights);
                optimizer.Apply(vectors, step.Tokens, step.Gradient);
                done++;
                if (done % options.ReportEvery == 0 || done == steps)
                {
                    var mean = lossSince / (done - (curve.Count == 0 ? 0 : curve[^1].Step));
                    curve.Add(new LossPoint(done, mean));
                    lossSince = 0;
                    progress?.Report(new TrainingProgress(TrainingPhase.Training, done, steps, mean));
                }
            }
        }

        LanguageCentering.Apply(vectors, weights, d, training, options.MaxTokens, parallel);
        progress?.Report(new TrainingProgress(TrainingPhase.EvaluatingAfter, steps, steps, null));
        var after = evaluator.Evaluate(vectors, weights, d);
        var report = new TrainingReport(
            PairCounts(training, heldOut),
            steps,
            weights.Count(w => w > 0f),
            curve,
            before,
            after,
            stopwatch.Elapsed);
        return new TrainingResult(new StaticEmbeddingModel(vocabularySize, d, vectors, weights), report);
    }

    private static ReadOnlyMemory<int> Clip(int[] tokens, TrainerOptions options) => tokens.AsMemory(0, Math.Min(tokens.Length, options.MaxTokens));

    private static List<TokenPair> Sample(IReadOnlyList<TokenPair> pairs, int limit, Random random)
    {
        if (pairs.Count <= limit)
        {
            return [.. pairs];
        }

        var indices = Enumerable.Range(0, pairs.Count).ToArray();
        random.Shuffle(indices);
        return [.. indices.Take(limit).Order().Select(i => pairs[i])];
    }

    private static List<PairCount> PairCounts(IReadOnlyList<TokenPair> training, IReadOnlyList<TokenPair> heldOut) =>
        [.. training.Select(p => p.Kind).Concat(heldOut.Select(p => p.Kind))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(kind => new PairCount(kind, training.Count(p => p.Kind == kind), heldOut.Count(p => p.Kind == kind)))];

    private static void CheckTokens(IReadOnlyList<TokenPair> pairs, int vocabularySize, string set)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i] ?? throw new ArgumentException($"{set} pair {i} is null.", nameof(pairs));
            foreach (var (side, tokens) in new[] { ("anchor", pair.Anchor), ("positive", pair.Positive) })
            {
                foreach (var token in tokens)
                {
                    if ((uint)token >= (uint)vocabularySize)
                    {
                        throw new ArgumentException(
                            $"{set} pair {i} ({pair.Kind}): the {side} has token {token}, outside a vocabulary of {vocabularySize}.", nameof(pairs));
                    }
                }
            }
        }
    }
}
