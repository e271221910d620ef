using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Vectors;
using Assistant.Indexer.Commands;
using Assistant.Indexer.Ingestion;
using Assistant.Inference.Embeddings;
using Microsoft.ML.OnnxRuntime;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench embed</c>: norms/s and tokens/s of <see cref="OnnxEmbeddingGenerator"/> (Microsoft.ML.OnnxRuntime) over
/// norms of the corpus; with --peer, onnxruntime-node 1.30.0 (installed into native/onnx-peer when first asked for)
/// runs the same model.onnx on the very same token-id batches with the same threads, in one node process whose timed
/// passes alternate with ours. Without --model, the default hashed-vocabulary model
/// is written to a temporary folder first.
/// Last line: norms_per_s=… peer_norms_per_s=… ratio=…, from each engine's median pass.
/// </summary>
internal static class EmbedBenchmark
{
    /// <summary>
    /// The pause before each timed pass: after a run, ONNX Runtime's pool threads spin for about 25 ms of CPU before
    /// they sleep, and on two cores the engine that just finished would take one from the engine that starts.
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);

    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Embedding model folder (manifest.json, model.onnx, tokenizer); default: the hashed-vocabulary model over ../shared's XLM-R vocabulary" };
        var dimensions = new Option<int>("--dimensions") { Description = "Dimensions of the default model", DefaultValueFactory = _ => HashedVocabularyModel.DefaultDimensions };
        var peer = new Option<bool>("--peer") { Description = "Also run onnxruntime-node 1.30.0 (native/onnx-peer/embed.mjs, installed there by npm ci when missing) on the same batches" };
        var norms = new Option<int>("--norms") { Description = "Norms to embed", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Texts per graph run", DefaultValueFactory = _ => 32 };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes of each engine, interleaved; the medians count (the machine is shared)", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed passes of each engine before the timed ones, interleaved the same way", DefaultValueFactory = _ => 10 };
        var threads = new Option<int>("--threads") { Description = "Intra-op threads of both engines", DefaultValueFactory = _ => Environment.ProcessorCount };
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Adilet texts, bulk JSONL files or folders (default ../shared/corpus)" };
        var command = new Command("embed", "Norms/s of the ONNX embedding generator, optionally against onnxruntime-node")
        {
            model, dimensions, peer, norms, batch, threads, rounds, warmup, paths,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sources = parse.GetValue(paths) is { Length: > 0 } given ? given : [SharedCorpus()];
            var texts = ReadNorms(sources, parse.GetValue(norms), cancellationToken);
            var temporary = parse.GetValue(model) is null ? Directory.CreateTempSubdirectory("bench-embed-").FullName : null;
            try
            {
                var directory = parse.GetValue(model) ?? WriteDefaultModel(temporary!, parse.GetValue(dimensions));
                await RunAsync(directory, texts, new Settings(parse.GetValue(batch), parse.GetValue(threads), Math.Max(1, parse.GetValue(rounds)), Math.Max(0, parse.GetValue(warmup)), parse.GetValue(peer)), cancellationToken);
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
        var (batchSize, threads, rounds, warmup, withPeer) = settings;
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

        // One untimed pass of each engine (the peer makes its own when started): code compiled, memory touched.
        var plan = OnnxEmbeddingGenerator.PlanBatches(tokenized, batchSize);
        var first = generator.EmbedTokenized(tokenized, cancellationToken)[plan[0][0]].ToArray();
        await using var peer = withPeer ? await StartPeerAsync(generator, tokenized, plan, threads, cancellationToken) : null;

        // Interleaved, ours then the peer's in each round, so a busy moment of the shared machine falls on both. The
        // warm-up rounds (numbered below zero) are not timed: a process's first passes are slowed by its heap growing,
        // on our side until the garbage collector recycles the memory of earlier passes' vectors (about ten passes of
        // 20,000 norms here, each fresh page costing ~15 us).
        var ours = new List<double>(rounds);
        var theirs = new List<double>(rounds);
        for (var round = -warmup; round < rounds; round++)
        {
            await Task.Delay(Settle, cancellationToken);
            started = Stopwatch.GetTimestamp();
            generator.EmbedTokenized(tokenized, cancellationToken);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (round >= 0)
            {
                ours.Add(seconds);
            }

            if (peer is not null)
            {
                await Task.Delay(Settle, cancellationToken);
                seconds = await peer.RoundAsync(cancellationToken);
                if (round >= 0)
                {
                    theirs.Add(seconds);
                }
            }
        }

        started = Stopwatch.GetTimestamp();
        await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        var endToEndSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model={manifest.Name} dims={manifest.Dimensions} norms={texts.Length} tokens={tokens} batch={batchSize} threads={threads} warmup={warmup} rounds={rounds} truncated={generator.TruncatedInputs} onnxruntime={OrtEnv.Instance().GetVersionString()} provider={generator.ExecutionProvider}"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"embed_median_s={Median(ours):F3} embed_fastest_s={ours.Min():F3} tokens_per_s={tokens / Median(ours):F0} tokenize_s={tokenizeSeconds:F3} end_to_end_norms_per_s={texts.Length / endToEndSeconds:F1}"));
        Console.Out.WriteLine($"rounds_s={Join(ours)}");

        var oursPerSecond = texts.Length / Median(ours);
        string peerFigure = "n/a", ratio = "n/a";
        if (peer is not null)
        {
            var difference = peer.Ready.First.Select((value, d) => Math.Abs(value - first[d])).DefaultIfEmpty(0).Max();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peer onnxruntime-node={peer.Ready.Version} median_s={Median(theirs):F3} fastest_s={theirs.Min():F3} fastest_norms_per_s={texts.Length / theirs.Min():F1} first_vector_max_abs_diff={difference:E2}"));
            Console.Out.WriteLine($"peer_rounds_s={Join(theirs)}");
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fastest_norms_per_s={texts.Length / ours.Min():F1} fastest_ratio={theirs.Min() / ours.Min():F2}"));
            var theirsPerSecond = texts.Length / Median(theirs);
            peerFigure = theirsPerSecond.ToString("F1", CultureInfo.InvariantCulture);
            ratio = (oursPerSecond / theirsPerSecond).ToString("F2", CultureInfo.InvariantCulture);
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"norms_per_s={oursPerSecond:F1} peer_norms_per_s={peerFigure} ratio={ratio}"));
    }

    /// <summary>The middle of the rounds (the mean of the two middle ones for an even count).</summary>
    internal static double Median(IReadOnlyCollection<double> seconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seconds.Count);
        var sorted = seconds.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Join(IEnumerable<double> seconds) =>
        string.Join(',', seconds.Select(value => value.ToString("F3", CultureInfo.InvariantCulture)));

    private static async Task<OnnxNodePeer> StartPeerAsync(
        OnnxEmbeddingGenerator generator, IReadOnlyList<int>[] tokenized, int[][] plan, int threads, CancellationToken cancellationToken)
    {
        var manifest = generator.Folder.Manifest;
        var peer = await OnnxNodePeer.StartAsync(
            path => WriteBatches(path, tokenized, plan, generator.Tokenizer.Special.Padding),
            [
                Path.GetFullPath(generator.Folder.ModelPath), threads.ToString(CultureInfo.InvariantCulture),
                manifest.InputIdsName, manifest.AttentionMaskName, manifest.OutputName,
            ],
            cancellationToken);
        if (peer.Ready.Norms != tokenized.Length)
        {
            await peer.DisposeAsync();
            throw new InvalidOperationException($"The onnxruntime-node peer read {peer.Ready.Norms} norms from the batches, not {tokenized.Length}.");
        }

        return peer;
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

    private sealed record Settings(int BatchSize, int Threads, int Rounds, int Warmup, bool WithPeer);
}
