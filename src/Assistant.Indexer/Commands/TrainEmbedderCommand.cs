using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assistant.Indexer.Ingestion;
using Assistant.Indexer.Terminal;
using Assistant.Indexer.Training;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Embeddings.Training;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Commands;

/// <summary>
/// <c>train-embedder</c>: trains the static bilingual embedding model on pairs mined from the corpus and writes it as
/// a model folder (model.onnx, vocabulary, manifest) with its training report.
/// </summary>
internal static partial class TrainEmbedderCommand
{
    public const string ReportFileName = "training-report.json";

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = IndexerJson.Options.Encoder,
    };

    public static Command Create(CommandContext context)
    {
        var corpus = new Option<string[]>("--corpus")
        {
            Description = "Files or folders of acts (.txt, .jsonl, .jsonl.gz)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out")
        {
            Description = "The model folder to write (default: Embeddings:Model, models/embed/default)",
        };
        var vocabulary = new Option<string?>("--vocab") { Description = "XLM-RoBERTa unigram GGUF vocabulary (default: Embeddings:Vocabulary)" };
        var dims = new Option<int>("--dims") { Description = "Vector dimensions", DefaultValueFactory = _ => new TrainerOptions().Dimensions };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training pairs", DefaultValueFactory = _ => new TrainerOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed of mining, initialisation and batch order", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Training threads", DefaultValueFactory = _ => new TrainerOptions().Threads };
        var alignment = new Option<bool>("--align-by-content")
        {
            Description = "Pair acts found in one language only with their translations by content, then train again with their aligned articles",
        };
        var command = new Command("train-embedder", "Train the bilingual static embedding model from the corpus itself, without labels")
        {
            corpus, output, vocabulary, dims, epochs, seed, threads, alignment,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.Settings.Embeddings;
            var folder = parse.GetValue(output) ?? settings.Model;
            var vocab = parse.GetValue(vocabulary) ?? settings.Vocabulary;
            if (!File.Exists(vocab))
            {
                throw new CommandException($"No vocabulary at '{vocab}': pass --vocab or set Embeddings:Vocabulary.");
            }

            var paths = parse.GetRequiredValue(corpus);
            var missing = SourceDiscovery.Discover(paths).Missing;
            if (missing.Count > 0)
            {
                throw new CommandException($"Not found: {string.Join(", ", missing)}");
            }

            var seedValue = parse.GetValue(seed);
            var options = new TrainingOptions(paths, vocab)
            {
                Mining = new() { Seed = seedValue },
                AlignByContent = parse.GetValue(alignment),
                Trainer = new()
                {
                    Dimensions = parse.GetValue(dims),
                    Epochs = parse.GetValue(epochs),
                    Seed = seedValue,
                    Threads = parse.GetValue(threads),
                },
            };

            var logger = context.Loggers.CreateLogger(typeof(TrainEmbedderCommand));
            var stages = new StageLog(logger);
            EmbedderTrainingResult result;
            using (var bar = new ProgressBar("train"))
            {
                var progress = new InlineProgress<EmbedderTrainingProgress>(p =>
                {
                    stages.Report(p);
                    bar.Report(
                        p.Fraction,
                        p.Loss is { } loss
                            ? string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: {p.Done}/{p.Total}, loss {loss:F3}")
                            : string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: {p.Done}/{p.Total}"));
                });
                result = await Task.Run(() => EmbedderTraining.Run(options, progress, cancellationToken), cancellationToken);
            }

            var name = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
            Writing(logger, folder);
            StagedFolder.Write(folder, staging =>
            {
                EmbeddingModelFolder.WriteStatic(staging, result.Model, vocab, new EmbeddingModelManifest
                {
                    Name = $"{name}-static-{result.Model.Dimensions}-seed{seedValue}",
                    Dimensions = result.Model.Dimensions,
                    Tokenizer = Path.GetFileName(vocab),
                });
                File.WriteAllText(Path.Combine(staging, ReportFileName), ReportFile(result));
            });

            Print(result, folder);
            return result.Failures.Count == 0 ? 0 : 1;
        });
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training stage {Stage} started: {Total} to do")]
    private static partial void StageStarted(ILogger logger, TrainingStage stage, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Writing the model to {Folder}; it replaces the folder only once complete")]
    private static partial void Writing(ILogger logger, string folder);

    /// <summary>The trainer's report, with the acts that alignment by content paired.</summary>
    private static string ReportFile(EmbedderTrainingResult result)
    {
        var report = JsonSerializer.SerializeToNode(result.Report, ReportJson)!.AsObject();
        report["alignedActs"] = JsonSerializer.SerializeToNode(result.Aligned, ReportJson);
        return report.ToJsonString(ReportJson);
    }

    /// <summary>Logs each stage as it starts, so that a run without a terminal (CI, a service) shows where it is.</summary>
    private sealed class StageLog(ILogger logger)
    {
        private readonly Lock _gate = new();
        private TrainingStage? _stage;

        public void Report(EmbedderTrainingProgress progress)
        {
            lock (_gate)
            {
                if (progress.Stage == _stage)
                {
                    return;
                }

                _stage = progress.Stage;
            }

            StageStarted(logger, progress.Stage, progress.Total);
        }
    }

    private static void Print(EmbedderTrainingResult result, string folder)
    {
        var output = Console.Out;
        var report = result.Report;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained on {result.Acts} act versions in {(result.Reading + result.Tokenizing + report.Elapsed).TotalSeconds:F0} s (reading {result.Reading.TotalSeconds:F0} s, tokenizing {result.Tokenizing.TotalSeconds:F0} s, training {report.Elapsed.TotalSeconds:F0} s); wrote {folder}"));
        var byRegistration = result.Translated.Count(t => t.MatchedBy is not null);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Acts in both languages: {result.Translated.Count} ({result.Translated.Count - byRegistration} by id, {byRegistration} by date and number)"));
        if (result.Aligned.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Acts in one language aligned by content: {result.Aligned.Count} pairs, {result.Aligned.Sum(a => a.Articles)} articles"));
        }

        output.WriteLine($"{"pairs",-20} {"training",9} {"held out",9}");
        foreach (var pair in report.Pairs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.Kind,-20} {pair.Training,9} {pair.HeldOut,9}"));
        }

        if (report.LossCurve.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"steps {report.Steps}, trained tokens {report.TrainedTokens}, loss {report.LossCurve[0].Loss:F3} → {report.LossCurve[^1].Loss:F3}"));
        }

        output.WriteLine($"{"held-out accuracy",-20} {"before top1/top10",18} {"after top1/top10",18}");
        var before = report.Before.ByKind.Concat(report.Before.ByLanguages).Prepend(report.Before.Overall).ToDictionary(f => f.Group);
        foreach (var after in report.After.ByKind.Concat(report.After.ByLanguages).Prepend(report.After.Overall))
        {
            var was = before.GetValueOrDefault(after.Group);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{after.Group,-20} {was?.Top1 ?? 0,8:P1} {was?.Top10 ?? 0,8:P1} {after.Top1,8:P1} {after.Top10,8:P1}"));
        }

        foreach (var failure in result.Failures)
        {
            output.WriteLine($"failed: {failure}");
        }
    }
}
