using System.Diagnostics;
using System.Text;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>Runs the built indexer as a user would: a separate process, its exit code, stdout and stderr.</summary>
internal static class IndexerProcess
{
    public static Task<IndexerRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <param name="environment">Variables set for the run, e.g. RAGLEGAL_Vectors__Path.</param>
    public static async Task<IndexerRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo("dotnet", environment);
        start.ArgumentList.Add(IndexerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return await RunAsync(start);
    }

    /// <summary>
    /// Runs the indexer with each file it writes limited to <paramref name="kilobytes"/> (RLIMIT_FSIZE). A write past
    /// the limit fails with EFBIG, as on a full disk; with <paramref name="killedAtLimit"/> the kernel's SIGXFSZ kills
    /// the process there instead, in the middle of the write and with no chance to clean up.
    /// </summary>
    public static Task<IndexerRun> RunWithFileSizeLimitAsync(long kilobytes, bool killedAtLimit, params string[] args)
    {
        // The runtime's W^X double mapping sizes a memory file past any small limit and aborts at start-up.
        var start = StartInfo("bash", new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" });
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{(killedAtLimit ? "ulimit -c 0" : "trap '' XFSZ")}; ulimit -f {kilobytes}; exec dotnet \"$@\"");
        start.ArgumentList.Add("indexer");
        start.ArgumentList.Add(IndexerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return RunAsync(start);
    }

    /// <summary>Starts the indexer and leaves it running, to be watched and killed.</summary>
    public static RunningIndexer Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo("dotnet", environment);
        start.ArgumentList.Add(IndexerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new RunningIndexer(start);
    }

    private static string IndexerDll => Path.Combine(AppContext.BaseDirectory, "indexer.dll");

    private static ProcessStartInfo StartInfo(string program, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static async Task<IndexerRun> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new IndexerRun(process.ExitCode, await stdout, await stderr);
    }
}

internal sealed record IndexerRun(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
