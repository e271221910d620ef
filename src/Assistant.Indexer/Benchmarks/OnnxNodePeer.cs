using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// onnxruntime-node (native/onnx-peer/embed.mjs) kept running for a whole <c>bench embed</c>: installed into
/// native/onnx-peer/node_modules the first time it is asked for (npm ci, no install scripts), it loads the model and
/// makes one untimed pass when started, then times one pass over the batches for each <see cref="RoundAsync"/>, so
/// the benchmark can interleave the two engines' passes. The protocol is one JSON object per line; see embed.mjs.
/// </summary>
internal sealed class OnnxNodePeer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string batchesPath;

    private OnnxNodePeer(Process process, string batchesPath, PeerReady ready)
    {
        this.process = process;
        this.batchesPath = batchesPath;
        Ready = ready;
    }

    /// <summary>What the peer said once loaded: its version, the norms of a pass and the first row's vector.</summary>
    public PeerReady Ready { get; }

    /// <summary>Starts node on the batches (written to a temporary file it reads once) and waits until it is ready.</summary>
    /// <param name="arguments">model.onnx, threads, input ids, attention mask and output names, after the script and batches file.</param>
    public static async Task<OnnxNodePeer> StartAsync(
        Action<string> writeBatches, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var script = WorkingTree.FindUpward(Path.Combine("native", "onnx-peer", "embed.mjs"))
            ?? throw new FileNotFoundException("native/onnx-peer/embed.mjs was not found above the current directory.");
        await InstallAsync(Path.GetDirectoryName(script)!, cancellationToken);
        var batches = Path.GetTempFileName();
        Process? process = null;
        try
        {
            writeBatches(batches);
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = Path.GetDirectoryName(script)!,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
            };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(batches);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            process = StartTool(start, "node");
            var ready = PeerReady.Parse(await ReadReplyAsync(process, cancellationToken));
            return new OnnxNodePeer(process, batches, ready);
        }
        catch
        {
            if (process is not null)
            {
                await StopAsync(process);
            }

            File.Delete(batches);
            throw;
        }
    }

    /// <summary>
    /// Installs the peer's pinned packages (package-lock.json beside embed.mjs) unless they are there. No install
    /// scripts: onnxruntime-node's would fetch CUDA libraries the CPU peer does not use.
    /// </summary>
    private static async Task InstallAsync(string folder, CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules", "onnxruntime-node")))
        {
            return;
        }

        await Console.Error.WriteLineAsync($"Installing onnxruntime-node into {folder}/node_modules (npm ci) for the peer.");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true };
        foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = StartTool(start, "npm");
        await npm.StandardOutput.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm ci --ignore-scripts' in {folder} failed (exit code {npm.ExitCode.ToString(CultureInfo.InvariantCulture)}): the onnxruntime-node peer could not be installed.");
        }
    }

    /// <summary>Starts node or npm; a tool that is not installed is named as such.</summary>
    private static Process StartTool(ProcessStartInfo start, string tool)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"'{tool}' could not be started ({error.Message}): the onnxruntime-node peer needs Node.js and npm.", error);
        }
    }

    /// <summary>One timed pass of the peer over all batches; the seconds are measured inside node, around the pass only.</summary>
    public async Task<double> RoundAsync(CancellationToken cancellationToken)
    {
        await process.StandardInput.WriteLineAsync("round".AsMemory(), cancellationToken);
        await process.StandardInput.FlushAsync(cancellationToken);
        return PeerReply.ParseSeconds(await ReadReplyAsync(process, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(process);
        File.Delete(batchesPath);
    }

    private static async Task<string> ReadReplyAsync(Process process, CancellationToken cancellationToken)
    {
        if (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            return line;
        }

        await process.WaitForExitAsync(cancellationToken);
        throw new InvalidOperationException(
            $"The onnxruntime-node peer stopped without answering (exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}).");
    }

    /// <summary>Closing stdin ends the peer's command loop; a peer that does not leave within seconds is killed.</summary>
    private static async Task StopAsync(Process process)
    {
        using (process)
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill();
                }
            }
        }
    }
}

/// <summary>The peer's first line: {"version":…,"norms":…,"first":[…]}.</summary>
internal sealed record PeerReady(string Version, int Norms, float[] First)
{
    /// <exception cref="InvalidDataException">The line is not that object; the message quotes it.</exception>
    public static PeerReady Parse(string line) => PeerReply.Read(line, root => new PeerReady(
        root.GetProperty("version").GetString() ?? throw new InvalidDataException("'version' is null"),
        root.GetProperty("norms").GetInt32(),
        [.. root.GetProperty("first").EnumerateArray().Select(value => value.GetSingle())]));
}

/// <summary>Reading the peer's JSON lines.</summary>
internal static class PeerReply
{
    /// <summary>The seconds of a round's reply {"seconds":…}.</summary>
    /// <exception cref="InvalidDataException">The line is not that object or the seconds are not positive.</exception>
    public static double ParseSeconds(string line) => Read(line, root =>
        root.GetProperty("seconds").GetDouble() is var seconds && seconds > 0 && double.IsFinite(seconds)
            ? seconds
            : throw new InvalidDataException($"'seconds' is {seconds.ToString(CultureInfo.InvariantCulture)}"));

    internal static T Read<T>(string line, Func<JsonElement, T> read)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return read(json.RootElement);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"The onnxruntime-node peer answered '{line}', which is not what embed.mjs sends: {error.Message}", error);
        }
    }
}
