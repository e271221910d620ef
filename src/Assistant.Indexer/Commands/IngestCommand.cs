using System.CommandLine;
using System.Globalization;
using Assistant.Indexer.Ingestion;
using Assistant.Indexer.Terminal;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Commands;

internal static class IngestCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders (recursive): Adilet .txt texts, .jsonl or .jsonl.gz bulk records",
            Arity = ArgumentArity.OneOrMore,
        };
        var workers = new Option<int>("--workers")
        {
            Description = "Parser threads (the catalog writer has its own)",
            DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount - 1),
        };
        var command = new Command("ingest", "Parse acts into norms and save them in the catalog") { paths, workers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selection = SourceDiscovery.Discover(parse.GetRequiredValue(paths));
            if (selection.Missing.Count > 0)
            {
                throw new CommandException($"Not found: {string.Join(", ", selection.Missing)}");
            }

            var summary = await RunAsync(context, context.CatalogPath(parse), selection, parse.GetValue(workers), cancellationToken);
            Print(summary, context.CatalogPath(parse));
            return summary.Failures.Count == 0 ? 0 : 1;
        });
        return command;
    }

    public static async Task<IngestSummary> RunAsync(CommandContext context, string catalogPath, SourceSelection selection, int workers, CancellationToken cancellationToken)
    {
        using var catalog = context.OpenCatalog(catalogPath);
        var pipeline = new IngestionPipeline(catalog, context.Loggers.CreateLogger<IngestionPipeline>(), workers);
        using var bar = new ProgressBar("ingest");
        var progress = new InlineProgress<IngestProgress>(p => bar.Report(
            p.Fraction,
            string.Create(CultureInfo.InvariantCulture, $"{p.BytesRead / 1e6:F1}/{p.TotalBytes / 1e6:F1} MB, {p.ActsSaved} acts")));
        return await pipeline.RunAsync(selection, progress, cancellationToken);
    }

    private static void Print(IngestSummary summary, string catalogPath)
    {
        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ingested into {catalogPath} in {summary.Elapsed.TotalSeconds:F1} s:"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  files      {summary.Files} ({summary.Bytes / 1e6:F1} MB), passed over {summary.PassedOver.Count}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  acts       {summary.Acts} ({summary.Editions} act editions, {summary.WithoutText} without text)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  norms      {summary.Norms}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  references {summary.ReferencesResolved} resolved, {summary.ReferencesUnresolved} unresolved"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  failures   {summary.Failures.Count}"));
        foreach (var failure in summary.Failures)
        {
            output.WriteLine($"    {failure}");
        }
    }
}
