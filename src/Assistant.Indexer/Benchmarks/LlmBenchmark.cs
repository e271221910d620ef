using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Assistant.Inference.Llama;
using Assistant.Inference.Llama.Gguf;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench llm</c>: prompt and generation speed of the llama.cpp engine per parallelism, on a GGUF model or a
/// cached synthetic one with the Llama-3 vocabulary; --peer also runs node-llama-cpp on the same model (installing it
/// into native/peer on first use).
/// Last line, medians over the rounds: gen_tps=… peer_gen_tps=… ratio=… parallel4_aggregate_tps=… parallel4_speedup=….
/// </summary>
internal static class LlmBenchmark
{
    public static Command CreateCommand()
    {
        var model = new Option<string?>("--model") { Description = "GGUF model to benchmark" };
        var synthetic = new Option<string?>("--synthetic") { Description = "Write (once, cached) a synthetic model of this many parameters, e.g. 100M or 8B" };
        var quantization = new Option<string>("--quant") { DefaultValueFactory = _ => "F16", Description = "Synthetic model weights: F16, Q8_0 or Q4_K_M" };
        var vocabulary = new Option<string?>("--vocab") { Description = "Vocab GGUF for --synthetic (default ../shared/models/ggml-vocab-llama-bpe.gguf)" };
        var cache = new Option<string?>("--cache") { Description = "Folder for synthetic models (default models/synthetic)" };
        var prompt = new Option<int>("--prompt") { DefaultValueFactory = _ => 512, Description = "Prompt tokens" };
        var generate = new Option<int>("--gen") { DefaultValueFactory = _ => 128, Description = "Generated tokens per request" };
        var parallel = new Option<string>("--parallel") { DefaultValueFactory = _ => "1,4", Description = "Comma-separated parallel request counts" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads (default: all cores)" };
        var gpuLayers = new Option<int>("--gpu-layers") { DefaultValueFactory = _ => -1, Description = "Layers offloaded to the GPU (CUDA build), -1 = all" };
        var nativeLibrary = new Option<string?>("--native-library") { Description = "A libllama.so to load instead of the LLamaSharp backend's (scripts/build-llama-cuda.sh)" };
        var roundCount = new Option<int>("--rounds") { DefaultValueFactory = _ => 3, Description = "Rounds, alternating with the peer; figures are medians" };
        var peer = new Option<bool>("--peer") { Description = "Also run node-llama-cpp 3.22.1 (native/peer, installed by npm on first use) with the same model and settings" };
        var command = new Command("llm", "llama.cpp prompt/generation tok/s, time to first token and aggregate tok/s per parallelism")
        {
            model, synthetic, quantization, vocabulary, cache, prompt, generate, parallel, threads, gpuLayers, nativeLibrary, roundCount, peer,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            LlamaRuntime.Initialize(new LlamaRuntimeOptions { LibraryPath = parse.GetValue(nativeLibrary) });
            var path = parse.GetValue(model);
            if (parse.GetValue(synthetic) is { } size)
            {
                path = EnsureSynthetic(
                    ParseCount(size),
                    Enum.Parse<LlamaQuantization>(parse.GetRequiredValue(quantization), ignoreCase: true),
                    parse.GetValue(vocabulary) ?? DefaultVocabulary(),
                    parse.GetValue(cache) ?? Path.Combine("models", "synthetic"),
                    cancellationToken);
            }

            if (path is null)
            {
                Console.Error.WriteLine("Give --model <gguf> or --synthetic <size>.");
                return 2;
            }

            var counts = parse.GetRequiredValue(parallel).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToArray();
            var promptTokens = parse.GetValue(prompt);
            var generateTokens = parse.GetValue(generate);

            using var loaded = LlamaModel.Load(new LlamaModelOptions { Path = path, GpuLayers = parse.GetValue(gpuLayers) }, cancellationToken: cancellationToken);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model={Path.GetFileName(path)} params={loaded.ParameterCount} bytes={loaded.SizeInBytes} backend={LlamaRuntime.Backend} threads={parse.GetValue(threads) ?? Environment.ProcessorCount} omp_wait_policy={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "default"}"));

            // Rounds alternate between this engine and the peer, so that both meet the same machine load; the
            // closing figures are medians over the rounds.
            var rounds = Math.Max(1, parse.GetValue(roundCount));
            var threadCount = parse.GetValue(threads) ?? Environment.ProcessorCount;
            var results = new List<LlamaThroughputResult>();
            var peerFigures = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var count in counts)
                {
                    using var engine = LlamaEngine.Create(loaded, new LlamaEngineOptions
                    {
                        ContextSize = count * (promptTokens + generateTokens + 64),
                        BatchSize = Math.Max(512, promptTokens),
                        MaxSequences = count,
                        Threads = parse.GetValue(threads),
                    });
                    // Warm-up: pages the mapped weights in and sizes the compute buffers before timing.
                    await LlamaThroughput.MeasureAsync(engine, 32, 4, 1, cancellationToken);
                    var result = await LlamaThroughput.MeasureAsync(engine, promptTokens, generateTokens, count, cancellationToken);
                    results.Add(result);
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round={round} parallel={count} prompt_tokens={result.PromptTokens} prompt_tps={result.PromptTokensPerSecond:F1} gen_tps={result.GenerationTokensPerSecond:F1} aggregate_tps={result.AggregateGenerationTokensPerSecond:F1} ttft_ms={result.TimeToFirstToken.TotalMilliseconds:F1}"));
                }

                if (parse.GetValue(peer))
                {
                    peerFigures.Add(await RunPeerAsync(path, promptTokens, generateTokens, threadCount, cancellationToken));
                }
            }

            double? Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToArray();
                return sorted.Length == 0 ? null : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            }

            var single = Median(results.Where(result => result.Parallelism == 1).Select(result => result.GenerationTokensPerSecond));
            var fourAggregate = Median(results.Where(result => result.Parallelism == 4).Select(result => result.AggregateGenerationTokensPerSecond));
            var peerTps = Median(peerFigures);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rounds={rounds} gen_tps={Figure(single)} peer_gen_tps={Figure(peerTps)} ratio={Figure(single / peerTps, "F2")} parallel4_aggregate_tps={Figure(fourAggregate)} parallel4_speedup={Figure(fourAggregate / single, "F2")}"));
            return 0;
        });
        return command;
    }

    private static string EnsureSynthetic(long parameters, LlamaQuantization quantization, string vocabulary, string folder, CancellationToken cancellationToken)
    {
        var vocabularySize = GgufMetadata.Read(vocabulary).ArrayLength("tokenizer.ggml.tokens")
            ?? throw new InvalidDataException($"'{vocabulary}' has no tokenizer.");
        var shape = parameters >= 7_000_000_000 ? LlamaModelShape.Llama8B : LlamaModelShape.ForParameterCount(parameters, vocabularySize);
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"synthetic-l{shape.Layers}-d{shape.EmbeddingSize}-f{shape.FeedForwardSize}-h{shape.Heads}-kv{shape.KeyValueHeads}-v{vocabularySize}");
        var f16 = Path.Combine(folder, name + "-f16.gguf");
        if (!File.Exists(f16))
        {
            Console.Error.WriteLine($"Writing {f16} ({shape.ParameterCount(vocabularySize):N0} parameters)...");
            var clock = Stopwatch.StartNew();
            SyntheticLlamaModel.Write(f16 + ".tmp", shape, vocabulary, cancellationToken: cancellationToken);
            File.Move(f16 + ".tmp", f16, overwrite: true);
            Console.Error.WriteLine($"Written in {clock.Elapsed.TotalSeconds:F1} s.");
        }

        if (quantization == LlamaQuantization.F16)
        {
            return f16;
        }

        var quantized = Path.Combine(folder, $"{name}-{quantization.ToString().ToLowerInvariant()}.gguf");
        if (!File.Exists(quantized))
        {
            LlamaQuantizer.Quantize(f16, quantized + ".tmp", quantization);
            File.Move(quantized + ".tmp", quantized, overwrite: true);
        }

        return quantized;
    }

    // node-llama-cpp runs its own llama.cpp build (release v0.5.0) from npm; it prints one JSON line of figures.
    private static async Task<double> RunPeerAsync(string model, int promptTokens, int generateTokens, int threads, CancellationToken cancellationToken)
    {
        var script = WorkingTree.FindUpward(Path.Combine("native", "peer", "bench-peer.mjs"))
            ?? throw new FileNotFoundException("native/peer/bench-peer.mjs was not found above the current directory.");
        var folder = Path.GetDirectoryName(script)!;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "node-llama-cpp")))
        {
            await InstallPeerAsync(folder, cancellationToken);
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true };
        foreach (var argument in new[] { script, Path.GetFullPath(model), promptTokens.ToString(CultureInfo.InvariantCulture), generateTokens.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The node-llama-cpp peer failed (exit code {process.ExitCode}).");
        }

        Console.Out.WriteLine($"peer {line}");
        using var json = System.Text.Json.JsonDocument.Parse(line);
        return json.RootElement.GetProperty("gen_tps").GetDouble();
    }

    // Only the benchmark needs node: the peer is installed on first use, without install scripts (they would
    // download or build llama.cpp) and without the optional GPU packages.
    private static async Task InstallPeerAsync(string folder, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"Installing node-llama-cpp into {folder} (npm install --ignore-scripts --omit=optional)...");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = folder };
        foreach (var argument in new[] { "install", "--ignore-scripts", "--omit=optional", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("--peer needs Node.js with npm on the PATH to install node-llama-cpp.", exception);
        }

        using (process ?? throw new InvalidOperationException("Could not start npm."))
        {
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm install of the node-llama-cpp peer in {folder} failed (exit code {process.ExitCode}).");
            }
        }
    }

    private static string Figure(double? value, string format = "F1") =>
        value is { } number ? number.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static long ParseCount(string text)
    {
        var multiplier = char.ToUpperInvariant(text[^1]) switch
        {
            'K' => 1_000L,
            'M' => 1_000_000L,
            'B' or 'G' => 1_000_000_000L,
            _ => 1L,
        };
        var digits = multiplier == 1 ? text : text[..^1];
        return (long)(double.Parse(digits, CultureInfo.InvariantCulture) * multiplier);
    }

    private static string DefaultVocabulary() => WorkingTree.SharedModel("ggml-vocab-llama-bpe.gguf");
}
