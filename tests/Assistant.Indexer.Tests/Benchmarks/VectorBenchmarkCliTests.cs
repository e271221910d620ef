using System.Text.RegularExpressions;
using Assistant.Indexer.Tests.Cli;

namespace Assistant.Indexer.Tests.Benchmarks;

public sealed partial class VectorBenchmarkCliTests
{
    [Fact]
    public async Task Bench_vectors_prints_one_line_per_configuration_and_the_p95s_last()
    {
        var run = await IndexerProcess.RunAsync("bench", "vectors", "--sizes", "1000,3000", "--dims", "16", "--queries", "20");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var configuration in new[] { "size=1000 type=f32 ", "size=1000 type=int8 ", "size=3000 type=f32 ", "size=3000 type=int8 " })
        {
            Assert.Contains(lines, line => line.StartsWith(configuration, StringComparison.Ordinal));
        }

        Assert.Matches(LastLine(), lines[^1]);
    }

    [Fact]
    public async Task Bench_vectors_refuses_a_size_that_is_not_a_count()
    {
        var run = await IndexerProcess.RunAsync("bench", "vectors", "--sizes", "1000,lots");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'lots'", run.Output + run.Errors, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^p95_ms_1k_f32=[0-9.]+ p95_ms_1k_int8=[0-9.]+ p95_ms_3k_f32=[0-9.]+ p95_ms_3k_int8=[0-9.]+$")]
    private static partial Regex LastLine();
}
