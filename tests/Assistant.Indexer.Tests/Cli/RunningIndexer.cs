using System.Diagnostics;
using System.Text;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>An indexer process under way: what it has printed so far, a wait for a sign of progress, and kill -9.</summary>
internal sealed class RunningIndexer : IDisposable
{
    /// <summary>SIGKILL's exit status as the runtime reports it: 128 + 9.</summary>
    public const int KilledExitCode = 137;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();

    public RunningIndexer(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Append(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_errors, line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until stderr (where the indexer logs) holds <paramref name="text"/> <paramref name="times"/> times.</summary>
    /// <exception cref="InvalidOperationException">The process ended first; the message holds what it printed.</exception>
    public async Task WaitForLogAsync(string text, int times = 1)
    {
        var deadline = Stopwatch.StartNew();
        while (Occurrences(text) < times)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The indexer ended before logging '{text}' {times} times: {Snapshot(_process.ExitCode)}");
            }

            if (deadline.Elapsed > Patience)
            {
                throw new TimeoutException($"The indexer did not log '{text}' {times} times in {Patience}: {Snapshot(-1)}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>kill -9: the process gets no chance to clean up.</summary>
    public async Task<IndexerRun> KillAsync()
    {
        _process.Kill();
        return await WaitForExitAsync();
    }

    public async Task<IndexerRun> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
        return Snapshot(_process.ExitCode);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }

    private int Occurrences(string text)
    {
        lock (_gate)
        {
            var errors = _errors.ToString();
            var count = 0;
            for (var at = errors.IndexOf(text, StringComparison.Ordinal); at >= 0; at = errors.IndexOf(text, at + text.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }

    private IndexerRun Snapshot(int exitCode)
    {
        lock (_gate)
        {
            return new IndexerRun(exitCode, _output.ToString(), _errors.ToString());
        }
    }
}
