using System.Diagnostics;
using Assistant.Core.Acts;
using Assistant.Core.Embeddings;
using Assistant.Core.Text;
using Assistant.Indexer.Ingestion;
using Assistant.Inference.Embeddings;
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
        var mined = miner.Mine(withUnpaired: options.AlignByContent);
        var reading = stopwatch.Elapsed;

        stopwatch.Restart();
        var tokenizer = UnigramTokenizer.FromGguf(options.VocabularyPath);
        var pairTokenizer = new PairTokenizer(tokenizer, options.Trainer.MaxTokens);
        var (training, heldOut) = pairTokenizer.Tokenize(mined, options.Trainer.Threads, progress, cancellationToken);
        var tokenizing = stopwatch.Elapsed;

        var trainer = options.Trainer with
        {
            IgnoredTokens = IgnoredTokens(tokenizer),
            Repeats = new Dictionary<string, int>
            {
                [nameof(PairKind.Translation)] = options.TranslationRepeats,
                [nameof(PairKind.AlignedTranslation)] = options.TranslationRepeats,
                [nameof(PairKind.WordTranslation)] = options.TranslationRepeats,
            },
        };
        var result = Train(tokenizer, training, heldOut, trainer, progress, cancellationToken);
        var trainingTime = result.Report.Elapsed;
        if (options.AlignByContent)
        {
            progress?.Report(new EmbedderTrainingProgress(TrainingStage.Aligning, 0, 1, null));
            var aligned = Align(mined.Unpaired, result.Model, pairTokenizer, trainer, options.Alignment, cancellationToken);
            if (aligned.Count > 0)
            {
                mined = mined.WithAligned(aligned, options.Mining);
                (training, heldOut) = pairTokenizer.Tokenize(mined, options.Trainer.Threads, progress, cancellationToken);
                result = Train(tokenizer, training, heldOut, trainer, progress, cancellationToken);
                trainingTime += result.Report.Elapsed;
            }
        }

        return new EmbedderTrainingResult(result.Model, result.Report with { Elapsed = trainingTime }, mined.Counts, mined.Acts, mined.Translated, failures, reading, tokenizing)
        {
            Aligned = mined.Aligned,
        };
    }

    private static TrainingResult Train(
        UnigramTokenizer tokenizer,
        List<TokenPair> training,
        List<TokenPair> heldOut,
        TrainerOptions trainer,
        IProgress<EmbedderTrainingProgress>? progress,
        CancellationToken cancellationToken) =>
        StaticEmbeddingTrainer.Train(
            tokenizer.VocabularySize,
            training,
            heldOut,
            trainer,
            progress is null ? null : new StageProgress(progress),
            cancellationToken);

    /// <summary>
    /// Kazakh acts found in one language only, aligned article by article with Russian ones by the model trained so
    /// far: the corpus holds Kazakh drafts of codes and laws whose Russian text it holds as enacted, renumbered.
    /// </summary>
    private static List<AlignedArticles> Align(
        IReadOnlyList<UnpairedArticle> unpaired,
        StaticEmbeddingModel model,
        PairTokenizer tokenizer,
        TrainerOptions trainer,
        AlignmentOptions alignment,
        CancellationToken cancellationToken)
    {
        var kazakh = unpaired.Where(a => a.Language == Language.Kk).ToList();
        var russian = unpaired.Where(a => a.Language == Language.Ru).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = trainer.Threads, CancellationToken = cancellationToken };
        var found = DocumentAligner.Align(
            model,
            Sections(kazakh, tokenizer, parallel),
            Sections(russian, tokenizer, parallel),
            alignment,
            parallel);
        return [.. found.Select(pair => new AlignedArticles(russian[pair.Right], kazakh[pair.Left]))];
    }

    private static List<AlignmentSection> Sections(List<UnpairedArticle> articles, PairTokenizer tokenizer, ParallelOptions parallel)
    {
        var tokens = tokenizer.Tokenize(articles.Select(a => a.Text).ToList(), parallel);
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. articles.Select((article, i) => new AlignmentSection(
            documents.TryGetValue(article.ActId, out var document) ? document : documents[article.ActId] = documents.Count,
            tokens[i]))];
    }

    /// <summary>
    /// Special tokens, and the tokens that spell a whole stop word. Function words are rare in norms but common in
    /// questions («Какая…», «…қандай жаза бар?») and in lists of exam questions, so with an idf weight they made every
    /// question close to those lists.
    /// </summary>
    private static int[] IgnoredTokens(UnigramTokenizer tokenizer)
    {
        var special = tokenizer.Special;
        var words = TextAnalyzer.StopWordsOf(Language.Ru).Concat(TextAnalyzer.StopWordsOf(Language.Kk))
            .SelectMany(word => new[] { word, char.ToUpperInvariant(word[0]) + word[1..], word.ToUpperInvariant() });
        var wholeWords = words
            .Select(word => tokenizer.Encode(word, addSpecialTokens: false))
            .Where(ids => ids.Count == 1)
            .Select(ids => (int?)ids[0]);
        return [.. new[] { special.Start, special.End, special.Padding, special.Unknown }.Concat(wholeWords).OfType<int>().Distinct().Order()];
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
