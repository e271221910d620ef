using System.CommandLine;
using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Editions;
using Assistant.Indexer.Ingestion;
using Assistant.Indexer.Terminal;
using Assistant.Storage.Catalog;
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

    /// <summary>Every record matched to an act, by which rule, and every record left ambiguous.</summary>
    private static void PrintIdentity(TextWriter output, EditionIdentityResult identity)
    {
        var matches = identity.Report.Matches;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  editions   {matches.Count} records matched to acts ({identity.Renamed} renamed, {identity.Dropped} duplicates dropped), {identity.Report.Ambiguities.Count} ambiguous"));
        foreach (var group in matches.GroupBy(m => m.Rule).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {group.Key.ToCode()}: {group.Count()}"));
            foreach (var match in group)
            {
                output.WriteLine($"      {match.Record.RecordId} ({match.Record.Language.ToCode()}, {match.Record.Edition ?? "undated"}) → {match.ActId}{(match.Duplicate ? " (duplicate)" : string.Empty)}: {match.Detail}");
            }
        }

        foreach (var ambiguity in identity.Report.Ambiguities)
        {
            output.WriteLine($"    ambiguous {ambiguity.Record.RecordId} ({ambiguity.Record.Language.ToCode()}): {ambiguity.Reason}; candidates {string.Join(", ", ambiguity.Candidates)}");
        }
    }

    private static void Print(IngestSummary summary, string catalogPath)
    {
        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ingested into {catalogPath} in {summary.Elapsed.TotalSeconds:F1} s:"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  files      {summary.Files} ({summary.Bytes / 1e6:F1} MB), passed over {summary.PassedOver.Count}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  acts       {summary.Acts} ({summary.Editions} act editions, {summary.WithoutText} without text)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  norms      {summary.Norms}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  references {summary.ReferencesResolved + summary.ReferencesAcrossActs} resolved ({summary.ReferencesAcrossActs} once all acts were in: by the title of their act, or the act an amending list amends), {summary.ReferencesUnresolved - summary.ReferencesAcrossActs} unresolved"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  repairs    {summary.Repairs.Count}"));
        foreach (var repair in summary.Repairs)
        {
            output.WriteLine($"    {repair}");
        }

        if (summary.Identity is { } identity)
        {
            PrintIdentity(output, identity);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  failures   {summary.Failures.Count}"));
        foreach (var failure in summary.Failures)
        {
            output.WriteLine($"    {failure}");
        }

        if (summary.StoppedBy is { } stop)
        {
            output.WriteLine($"  stopped    at {stop.Path}: the acts saved before it are intact; run the same ingest again once the catalog can be written");
        }
    }
}
