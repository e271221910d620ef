using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Findings;
using Assistant.Indexer.Terminal;
using Assistant.Storage.Findings;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Commands;

/// <summary>
/// <c>findings [--act ID] [--kind K] [--all] [--json]</c>: runs or refreshes the corpus-wide analysis (only what changed
/// since the last run, resuming a run that was stopped), then prints the counts by kind and priority and the top
/// findings. Subcommands: <c>findings eval</c> (the seeded set), <c>findings report</c> (the analytical report).
/// </summary>
internal static class FindingsCommand
{
    public static Command Create(CommandContext context)
    {
        var act = new Option<string?>("--act") { Description = "Analyse only this act (all its language versions) and show only its findings" };
        var kind = new Option<string?>("--kind") { Description = "Only this kind: duplicate, conflict, gap or broken-reference" };
        var everything = new Option<bool>("--all") { Description = "Analyse every act again, not only the ones that changed" };
        var json = CliOptions.Json();
        var top = CliOptions.Top(20);
        var command = new Command("findings", "Find duplicated and conflicting norms, delegations with no implementing act and broken references across the catalog's editions in force, and show what was found")
        {
            act, kind, everything, json, top,
            FindingsEvalCommand.Create(context),
            FindingsReportCommand.Create(context, catalog => FindingStore.Open(catalog.Path)),
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FindingKind? only = parse.GetValue(kind) is { } code ? FindingKinds.Parse(code) : null;
            var path = context.CatalogPath(parse);
            if (!File.Exists(path))
            {
                throw new CommandException($"No catalog at '{path}': run 'indexer ingest <paths>' first, or pass --db.");
            }

            using var engine = FindingEngine.Open(path, context.Loggers);
            using var catalog = context.OpenCatalog(path);
            var analysis = engine.Analysis([
                new GapDetector(new CatalogDelegations(catalog), context.Loggers.CreateLogger<GapDetector>()),
                new BrokenReferenceDetector(new CatalogReferenceTargets(catalog), context.Loggers.CreateLogger<BrokenReferenceDetector>()),
            ]);
            var scope = new FindingsScope(parse.GetValue(act), only is { } k ? new HashSet<FindingKind> { k } : null, parse.GetValue(everything));
            FindingsRun run;
            try
            {
                using var bar = new ProgressBar("findings");
                var progress = new InlineProgress<FindingsProgress>(p => bar.Report(
                    p.Planned == 0 ? 1 : (double)p.Done / p.Planned,
                    string.Create(CultureInfo.InvariantCulture, $"{p.Done}/{p.Planned} {p.Kind.ToCode()} {p.ActId}")));
                run = await analysis.RunAsync(scope, progress, cancellationToken);
            }
            catch (KeyNotFoundException e)
            {
                throw new CommandException(e.Message);
            }

            var filter = new FindingFilter(ActId: scope.ActId, Kind: only, Limit: int.MaxValue);
            var all = new List<StoredFinding>();
            await foreach (var finding in engine.Store.ListAsync(filter, cancellationToken))
            {
                all.Add(finding);
            }

            var shown = all.Take(parse.GetValue(top)).ToList();
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { run, judge = NoJudge, counts = Counts(all), findings = shown }, IndexerJson.Options));
                return 0;
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Analysed {run.Planned} act editions ({run.Resumed} resumed) in {run.Elapsed.TotalSeconds:F1} s: {run.Added} findings new, {run.Kept} kept, {run.Gone} gone."));
            Console.Out.WriteLine(NoJudge);
            foreach (var (kindCode, byPriority) in Counts(all))
            {
                Console.Out.WriteLine($"  {kindCode,-17} " + string.Join("  ", byPriority.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))));
            }

            foreach (var stored in shown)
            {
                var f = stored.Finding;
                Console.Out.WriteLine();
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{f.Kind.ToCode()} {f.Priority.ToCode()} {f.Score:0.00} {stored.Review.Status.ToCode()}] {f.Id}  {f.Norm} ↔ {f.OtherNorm ?? "-"}"));
                Console.Out.WriteLine($"  differs: {f.Differs}");
                Console.Out.WriteLine($"  why:     {f.Reason}");
                Console.Out.WriteLine($"  this:    {Line(f.Text)}");
                Console.Out.WriteLine($"  other:   {Line(f.OtherText ?? "-")}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>No LLM judges the candidates yet: the output says the rule-based scores stand.</summary>
    private const string NoJudge = "Judge: none configured — rule-based scores stand (shingle Jaccard for duplicates, term overlap for conflicts).";

    private static Dictionary<string, Dictionary<string, int>> Counts(List<StoredFinding> findings) =>
        findings.GroupBy(f => f.Finding.Kind).OrderBy(g => g.Key).ToDictionary(
            g => g.Key.ToCode(),
            g => g.GroupBy(f => f.Finding.Priority).OrderBy(p => p.Key).ToDictionary(p => p.Key.ToCode(), p => p.Count()));

    private static string Line(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..300] + " …";
    }
}
