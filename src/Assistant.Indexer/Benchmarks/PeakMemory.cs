using System.Diagnostics;

namespace Assistant.Indexer.Benchmarks;

internal static class PeakMemory
{
    /// <summary>Peak resident set size of this process (VmHWM on Linux), in MB.</summary>
    public static double Megabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1e6;
    }
}
