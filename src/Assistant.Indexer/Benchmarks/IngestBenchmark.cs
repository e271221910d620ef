using System.CommandLine;
using System.Globalization;
using Assistant.Indexer.Commands;
using Assistant.Indexer.Ingestion;

namespace Assistant.Indexer.Benchmarks;

/// <summary><c>bench ingest</c>: ingest throughput and peak memory into a fresh catalog.</summary>
internal static class IngestBenchmark
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders to ingest" };
        var workers = new Option<int>("--workers") { DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount - 1), Description = "Parser threads" };
        var command = new Command("ingest", "Ingest into a fresh catalog and report MB/s, norms/s and peak memory (--db keeps the catalog)") { paths, workers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selection = SourceDiscovery.Discover(parse.GetRequiredValue(paths));
            if (selection.Missing.Count > 0)
            {
                throw new CommandException($"Not found: {string.Join(", ", selection.Missing)}");
            }

            var keep = parse.GetValue(CliOptions.Database) is not null;
            var path = keep ? context.CatalogPath(parse) : Path.Combine(Path.GetTempPath(), $"raglegal-bench-{Guid.NewGuid():N}.db");
            try
            {
                var summary = await IngestCommand.RunAsync(context, path, selection, parse.GetValue(workers), cancellationToken);
                var seconds = summary.Elapsed.TotalSeconds;
                var megabytes = summary.Bytes / 1e6;
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"files={summary.Files} acts={summary.Acts} editions={summary.Editions} norms={summary.Norms} refs_resolved={summary.ReferencesResolved} refs_unresolved={summary.ReferencesUnresolved} failures={summary.Failures.Count}"));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingest_s={seconds:F1} source_mb={megabytes:F1} mb_per_s={megabytes / seconds:F2} norms_per_s={summary.Norms / seconds:F0} peak_rss_mb={PeakMemory.Megabytes():F0} catalog_mb={new FileInfo(path).Length / 1e6:F0}"));
                return summary.Failures.Count == 0 ? 0 : 1;
            }
            finally
            {
                if (!keep)
                {
                    foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                    {
                        File.Delete(file);
                    }
                }
            }
        });
        return command;
    }
}
