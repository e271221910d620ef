using System.CommandLine;
using Assistant.Indexer.Benchmarks;

namespace Assistant.Indexer.Commands;

internal static class BenchCommand
{
    public static Command Create(CommandContext context) => new("bench", "Benchmarks that print figures; the last line is key=value")
    {
        IngestBenchmark.Create(context),
        SearchBenchmark.Create(context),
        LlmBenchmark.CreateCommand(),
        ApiBenchmark.Create(context),
        TokenizerBenchmark.Create(),
        VectorBenchmark.Create(context),
        EmbedBenchmark.Create(),
    };
}
