using System.Diagnostics;

namespace Assistant.Indexer.Benchmarks;

/// <summary>The resident memory of another process on this machine (the API under load), read when asked.</summary>
internal sealed class ProcessMemory(Process? process) : IDisposable
{
    /// <summary>The process with this id, or one that reports nothing when no id is given.</summary>
    public static ProcessMemory Of(int? pid)
    {
        if (pid is not { } id)
        {
            return new ProcessMemory(null);
        }

        try
        {
            return new ProcessMemory(Process.GetProcessById(id));
        }
        catch (ArgumentException)
        {
            throw new Commands.CommandException($"--pid {id}: no process has that id on this machine.");
        }
    }

    /// <summary>Resident set size (working set) in MB; null without a process or once it has exited.</summary>
    public double? Megabytes()
    {
        if (process is null)
        {
            return null;
        }

        process.Refresh();
        return process.HasExited ? null : process.WorkingSet64 / 1e6;
    }

    public void Dispose() => process?.Dispose();
}
