using System.Diagnostics;
using System.Text;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Hosting;

/// <summary>The built indexer (src/Assistant.Indexer's output, same configuration) run as a separate process beside an API host.</summary>
internal static class IndexerChild
{
    public static async Task<IndexerResult> RunAsync(params string[] args)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var indexer = Path.Combine(RepositoryFolders.Repository, "src", "Assistant.Indexer", "bin", output.Parent!.Name, output.Name, "indexer.dll");
        if (!File.Exists(indexer))
        {
            throw new FileNotFoundException($"The indexer is not built at '{indexer}'.", indexer);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetDirectoryName(indexer)!,
        };
        start.ArgumentList.Add(indexer);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new IndexerResult(process.ExitCode, await stdout + await stderr);
    }
}

internal sealed record IndexerResult(int ExitCode, string Output);
