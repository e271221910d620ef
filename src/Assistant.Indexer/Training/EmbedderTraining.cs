using System.Diagnostics;
using Assistant.Core.Embeddings;
using Assistant.Indexer.Ingestion;
using Assistant.Inference.Embeddings.Training;
using Assistant.Inference.Tokenizers;

namespace Assistant.Indexer.Training;

/// <summary>
/// Trains the bilingual static embedding model from the corpus itself: reads acts with the ingest readers, mines
/// positive pairs, tokenizes them with the XLM-RoBERTa vocabulary and trains. Nothing is written: the caller saves
/// the model (as ONNX) and prints the report.
/// </summary>
public static class EmbedderTraining
{
    public static EmbedderTrainingResult Run(TrainingOptions options, IProgress<EmbedderTrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadThreads, 1, nameof(options.ReadThreads));
        if (!File.Exists(options.VocabularyPath))
        {
            throw new FileNotFoundException($"The vocabulary '{options.VocabularyPath}' does not exist.", options.VocabularyPath);
        }

        var selection = SourceDiscovery.Discover(options.CorpusPaths);
        if (selection.Missing.Count > 0)
        {
            throw new FileNotFoundException($"Corpus paths not found: {string.Join(", ", selection.Missing)}.");
        }

        var stopwatch = Stopwatch.StartNew();
        var (miner, failures) = Read(selection, options, progress, cancellationToken);
        var mined = miner.Mine();
        var reading = stopwatch.Elapsed;

        stopwatch.Restart();
        var tokenizer = UnigramTokenizer.FromGguf(options.VocabularyPath);
        var (training, heldOut) = new PairTokenizer(tokenizer, options.Trainer.MaxTokens)
            .Tokenize(mined, options.Trainer.Threads, progress, cancellationToken);
        var tokenizing = stopwatch.Elapsed;

        var special = tokenizer.Special;
        var trainer = options.Trainer with
        {
            IgnoredTokens = [.. new[] { special.Start, special.End, special.Padding, special.Unknown }.OfType<int>().Distinct()],
        };
        var result = StaticEmbeddingTrainer.Train(
            tokenizer.VocabularySize,
            training,
            heldOut,
            trainer,
            progress is null ? null : new StageProgress(progress),
            cancellationToken);
        return new EmbedderTrainingResult(result.Model, result.Report, mined.Counts, mined.Acts, mined.Translated, failures, reading, tokenizing);
    }

    private static (PairMiner Miner, List<IngestFailure> Failures) Read(
        SourceSelection selection, TrainingOptions options, IProgress<EmbedderTrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var miner = new PairMiner(options.Mining);
        var failures = new List<IngestFailure>();
        var gate = new object();
        var total = selection.Files.Sum(f => f.Length);
        long read = 0;
        Parallel.ForEach(
            selection.Files.OrderByDescending(f => f.Length),
            new ParallelOptions { MaxDegreeOfParallelism = options.ReadThreads, CancellationToken = cancellationToken },
            file =>
            {
                void BytesRead(long bytes) =>
                    progress?.Report(new EmbedderTrainingProgress(TrainingStage.Reading, Interlocked.Add(ref read, bytes), total, null));

                foreach (var reading in ActReader.Read(file, BytesRead, cancellationToken))
                {
                    lock (gate)
                    {
                        switch (reading)
                        {
                            case ActReading.Parsed parsed:
                                miner.Add(parsed.Act);
                                break;
                            case ActReading.Failed failed:
                                failures.Add(failed.Failure);
                                break;
                        }
                    }
                }
            });
        failures.Sort((x, y) => string.CompareOrdinal(x.ToString(), y.ToString()));
        return (miner, failures);
    }
}
