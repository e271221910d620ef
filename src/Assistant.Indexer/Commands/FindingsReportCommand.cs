using System.CommandLine;
using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Storage.Audit;
using Assistant.Storage.Catalog;
using Assistant.Storage.Findings;

namespace Assistant.Indexer.Commands;

/// <summary>
/// <c>indexer findings report [--out report.html|report.docx] [--json]</c>: the analytical report over the stored
/// findings, the catalog's amendment history and the audit trail. The <c>findings</c> command adds it as its
/// <c>report</c> verb, with the store it opens over the catalog.
/// </summary>
internal static class FindingsReportCommand
{
    /// <param name="openStore">The findings store over the opened catalog (the one <c>findings run</c> writes).</param>
    public static Command Create(CommandContext context, Func<LegalCatalog, IFindingStore> openStore)
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this .html or .docx file instead of printing a summary" };
        var json = CliOptions.Json();
        var top = new Option<int>("--top") { Description = "Top findings of each kind shown", DefaultValueFactory = _ => FindingsReport.DefaultTop };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Count amendments back from this day, yyyy-MM-dd (default: today)" };
        var since = new Option<DateOnly?>("--questions-since") { Description = "Count unanswered questions from this day (default: the whole audit trail)" };
        var command = new Command("report", "The analytical report: counts by category and priority, the top findings with both norms, unmet demand and stability")
        {
            output, json, top, asOf, since,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var catalog = context.OpenExistingCatalog(parse);
            using var audit = AuditTrail.Open(catalog.Path);
            var options = new ReportRequest(
                parse.GetValue(output),
                parse.GetValue(json),
                parse.GetValue(top),
                parse.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow),
                parse.GetValue(since) is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
            var store = openStore(catalog);
            using var owned = store as IDisposable;
            return await RunAsync(new FindingsReportSource(catalog, store, audit), options, Console.Out, cancellationToken);
        });
        return command;
    }

    internal sealed record ReportRequest(FileInfo? Output, bool Json, int Top, DateOnly ReferenceDate, DateTimeOffset? QuestionsSince);

    /// <summary>Builds the report and writes it where asked: a file by its extension, JSON, or a summary on <paramref name="stdout"/>.</summary>
    internal static async Task<int> RunAsync(FindingsReportSource source, ReportRequest request, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (request.Top < 0)
        {
            throw new CommandException($"--top is {request.Top}; it must be 0 or more.");
        }

        var extension = request.Output?.Extension.ToLowerInvariant();
        if (extension is not (null or ".html" or ".htm" or ".docx"))
        {
            throw new CommandException($"--out '{request.Output!.Name}': the report is written as .html or .docx.");
        }

        var report = await source.BuildAsync(request.ReferenceDate, request.QuestionsSince, request.Top, DateTimeOffset.UtcNow, cancellationToken);
        if (request.Output is { } file)
        {
            if (extension == ".docx")
            {
                await File.WriteAllBytesAsync(file.FullName, FindingsReportDocx.Write(report), cancellationToken);
            }
            else
            {
                await File.WriteAllTextAsync(file.FullName, FindingsReportHtml.Write(report), cancellationToken);
            }

            await stdout.WriteLineAsync($"Report written to {file.FullName}");
        }

        if (request.Json)
        {
            await stdout.WriteLineAsync(FindingsReportJson.Serialize(report));
        }
        else if (request.Output is null)
        {
            foreach (var counts in report.Counts)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{counts.Kind.ToCode(),-17} {counts.Total,6}  high {counts.High,5}  medium {counts.Medium,5}  low {counts.Low,5}"));
            }

            if (report.Demand is { } demand)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"unmet demand: {demand.Unanswered} of {demand.Asked} questions unanswered, {demand.Topics.Count} topics"));
            }

            if (report.Stability is { Acts: [var most, ..] } stability)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"stability: {stability.Acts.Count} acts amended in the 5 years to {stability.ReferenceDate:yyyy-MM-dd}; most often {most.ActId} ({most.Counts.Last5Years} laws)"));
            }
        }

        return 0;
    }
}
