using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Vectors;
using Assistant.Indexer.Commands;
using Assistant.Indexer.Ingestion;
using Assistant.Inference.Embeddings;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench embed</c>: norms/s and tokens/s of <see cref="OnnxEmbeddingGenerator"/> over norms of the corpus; with
/// --peer, onnxruntime-node 1.30.0 runs the same model.onnx on the very same token-id batches with the same threads.
/// Without --model, the default hashed-vocabulary model is written to a temporary folder first.
/// Last line: norms_per_s=… peer_norms_per_s=… ratio=….
/// </summary>
internal static class EmbedBenchmark
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Embedding model folder (manifest.json, model.onnx, tokenizer); default: the hashed-vocabulary model over ../shared's XLM-R vocabulary" };
        var dimensions = new Option<int>("--dimensions") { Description = "Dimensions of the default model", DefaultValueFactory = _ => HashedVocabularyModel.DefaultDimensions };
        var peer = new Option<bool>("--peer") { Description = "Also run onnxruntime-node 1.30.0 (native/onnx-peer/embed.mjs) on the same batches" };
        var norms = new Option<int>("--norms") { Description = "Norms to embed", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Texts per graph run", DefaultValueFactory = _ => 32 };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes of each engine; the fastest counts (the machine is shared)", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "Intra-op threads of both engines", DefaultValueFactory = _ => Environment.ProcessorCount };
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Adilet texts, bulk JSONL files or folders (default ../shared/corpus)" };
        var command = new Command("embed", "Norms/s of the ONNX embedding generator, optionally against onnxruntime-node")
        {
            model, dimensions, peer, norms, batch, threads, rounds, paths,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sources = parse.GetValue(paths) is { Length: > 0 } given ? given : [SharedCorpus()];
            var texts = ReadNorms(sources, parse.GetValue(norms), cancellationToken);
            var temporary = parse.GetValue(model) is null ? Directory.CreateTempSubdirectory("bench-embed-").FullName : null;
            try
            {
                var directory = parse.GetValue(model) ?? WriteDefaultModel(temporary!, parse.GetValue(dimensions));
                await RunAsync(directory, texts, new Settings(parse.GetValue(batch), parse.GetValue(threads), Math.Max(1, parse.GetValue(rounds)), parse.GetValue(peer)), cancellationToken);
            }
            finally
            {
                if (temporary is not null)
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string directory, string[] texts, Settings settings, CancellationToken cancellationToken)
    {
        var (batchSize, threads, rounds, withPeer) = settings;
        using var generator = OnnxEmbeddingGenerator.Open(directory, new OnnxEmbeddingGeneratorOptions
        {
            BatchSize = batchSize,
            IntraOpThreads = threads,
            InterOpThreads = 1,
        });
        var manifest = generator.Folder.Manifest;

        var started = Stopwatch.GetTimestamp();
        var tokenized = texts.Select(text => generator.Tokenize(text, EmbeddingPurpose.Passage)).ToArray();
        var tokenizeSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var tokens = tokenized.Sum(ids => (long)ids.Count);

        generator.EmbedTokenized(tokenized.Take(batchSize).ToArray(), cancellationToken);
        var vectors = Array.Empty<ReadOnlyMemory<float>>();
        var embedSeconds = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            started = Stopwatch.GetTimestamp();
            vectors = generator.EmbedTokenized(tokenized, cancellationToken);
            embedSeconds = Math.Min(embedSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        started = Stopwatch.GetTimestamp();
        await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        var endToEndSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model={manifest.Name} dims={manifest.Dimensions} norms={texts.Length} tokens={tokens} batch={batchSize} threads={threads} rounds={rounds} truncated={generator.TruncatedInputs}"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"embed_s={embedSeconds:F3} tokens_per_s={tokens / embedSeconds:F0} tokenize_s={tokenizeSeconds:F3} end_to_end_norms_per_s={texts.Length / endToEndSeconds:F1}"));

        var ours = texts.Length / embedSeconds;
        string peerFigure = "n/a", ratio = "n/a";
        if (withPeer)
        {
            var plan = OnnxEmbeddingGenerator.PlanBatches(tokenized, batchSize);
            var result = await RunPeerAsync(generator, tokenized, plan, settings, cancellationToken);
            var difference = result.First.Select((value, d) => Math.Abs(value - vectors[plan[0][0]].Span[d])).DefaultIfEmpty(0).Max();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peer onnxruntime-node={result.Version} seconds={result.Seconds:F3} first_vector_max_abs_diff={difference:E2}"));
            peerFigure = result.NormsPerSecond.ToString("F1", CultureInfo.InvariantCulture);
            ratio = (ours / result.NormsPerSecond).ToString("F2", CultureInfo.InvariantCulture);
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"norms_per_s={ours:F1} peer_norms_per_s={peerFigure} ratio={ratio}"));
    }

    private static async Task<PeerResult> RunPeerAsync(
        OnnxEmbeddingGenerator generator, IReadOnlyList<int>[] tokenized, int[][] plan, Settings settings, CancellationToken cancellationToken)
    {
        var script = WorkingTree.FindUpward(Path.Combine("native", "onnx-peer", "embed.mjs"))
            ?? throw new FileNotFoundException("native/onnx-peer/embed.mjs was not found above the current directory.");
        var native = Path.GetDirectoryName(Path.GetDirectoryName(script))!;
        if (!Directory.Exists(Path.Combine(native, "node_modules", "onnxruntime-node")))
        {
            throw new InvalidOperationException($"onnxruntime-node is not installed: build src/Assistant.Inference or run 'npm ci --ignore-scripts' in {native}.");
        }

        var batches = Path.GetTempFileName();
        try
        {
            WriteBatches(batches, tokenized, plan, generator.Tokenizer.Special.Padding);
            var manifest = generator.Folder.Manifest;
            var start = new ProcessStartInfo("node") { WorkingDirectory = Path.GetDirectoryName(script)!, RedirectStandardOutput = true };
            foreach (var argument in new[]
            {
                script, Path.GetFullPath(generator.Folder.ModelPath), batches, settings.Threads.ToString(CultureInfo.InvariantCulture),
                manifest.InputIdsName, manifest.AttentionMaskName, manifest.OutputName, settings.Rounds.ToString(CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The onnxruntime-node peer failed (exit code {process.ExitCode}).");
            }

            using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var root = json.RootElement;
            return new PeerResult(
                root.GetProperty("version").GetString() ?? "?",
                root.GetProperty("seconds").GetDouble(),
                root.GetProperty("norms_per_s").GetDouble(),
                [.. root.GetProperty("first").EnumerateArray().Select(value => value.GetSingle())]);
        }
        finally
        {
            File.Delete(batches);
        }
    }

    /// <summary>
    /// The batches as the generator plans them, each row its own token ids unpadded: the peer pads them and splits the
    /// output into per-norm vectors inside its timed loop, as the generator does. Read by native/onnx-peer/embed.mjs.
    /// </summary>
    private static void WriteBatches(string path, IReadOnlyList<int>[] tokenized, int[][] plan, int padding)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RLEC"u8);
        writer.Write(plan.Length);
        writer.Write((long)padding);
        foreach (var batch in plan)
        {
            writer.Write(batch.Length);
            foreach (var index in batch)
            {
                var ids = tokenized[index];
                writer.Write(ids.Count);
                foreach (var id in ids)
                {
                    writer.Write((long)id);
                }
            }
        }
    }

    private static string WriteDefaultModel(string directory, int dimensions)
    {
        var vocabulary = WorkingTree.SharedModel("ggml-vocab-nomic-bert-moe.gguf");
        var started = Stopwatch.GetTimestamp();
        var model = HashedVocabularyModel.FromGguf(vocabulary, dimensions);
        EmbeddingModelFolder.WriteStatic(directory, model, vocabulary, new EmbeddingModelManifest
        {
            Name = $"hashed-xlmr-{dimensions.ToString(CultureInfo.InvariantCulture)}",
            Dimensions = dimensions,
            Tokenizer = string.Empty,
        });
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"default model: {model.VocabularySize} tokens x {dimensions} written in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1}s"));
        return directory;
    }

    private static string SharedCorpus() =>
        WorkingTree.FindUpward(Path.Combine("shared", "corpus", "README.md")) is { } readme
            ? Path.GetDirectoryName(readme)!
            : throw new CommandException("../shared/corpus was not found; give the norm sources as arguments.");

    private static string[] ReadNorms(string[] sources, int limit, CancellationToken cancellationToken)
    {
        var selection = SourceDiscovery.Discover(sources);
        if (selection.Missing.Count > 0)
        {
            throw new CommandException($"Not found: {string.Join(", ", selection.Missing)}");
        }

        var texts = selection.Files
            .SelectMany(file => ActReader.Read(file, _ => { }, cancellationToken))
            .OfType<ActReading.Parsed>()
            .SelectMany(parsed => parsed.Act.Norms)
            .Select(norm => norm.Text)
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Take(limit)
            .ToArray();
        return texts.Length > 0 ? texts : throw new CommandException($"No norm text was read from {string.Join(", ", sources)}.");
    }

    private sealed record Settings(int BatchSize, int Threads, int Rounds, bool WithPeer);

    private sealed record PeerResult(string Version, double Seconds, double NormsPerSecond, float[] First);
}
