using System.CommandLine;
using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Storage.Findings;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Commands;

/// <summary>
/// indexer eval-broken-references: runs the broken-reference detector over every current edition and counts what it
/// finds by case. With <c>--draw N</c> it writes N findings at random into <c>--sample</c> for a person to mark in the
/// <c>verdict</c> column (yes: the reference is broken as the finding says; no: it is not); without it, it counts the
/// precision of the marked sample among the findings the detector still makes.
/// </summary>
internal static class BrokenReferenceEvalCommand
{
    private static readonly string[] Columns = ["id", "norm", "lang", "other_norm", "reason", "differs", "verdict", "note", "text", "other_text"];

    public static Command Create(CommandContext context)
    {
        var sample = new Option<string>("--sample")
        {
            Description = "The sample file (TSV)",
            DefaultValueFactory = _ => Path.Combine("eval", "findings", "broken-references-sample.tsv"),
        };
        var draw = new Option<int?>("--draw") { Description = "Draw this many findings into --sample instead of scoring it (refuses to overwrite)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the draw", DefaultValueFactory = _ => 23 };
        var command = new Command("eval-broken-references", "Broken references: counts by case over the catalog, and precision on a hand-checked sample")
        {
            sample, draw, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var catalog = context.OpenExistingCatalog(parse);
            var detector = new BrokenReferenceDetector(new CatalogReferenceTargets(catalog), context.Loggers.CreateLogger<BrokenReferenceDetector>());
            await detector.PrepareAsync(cancellationToken);
            var found = new List<Finding>();
            foreach (var act in catalog.ListActs().OrderBy(a => a.Id, StringComparer.Ordinal).ThenBy(a => a.Language))
            {
                await foreach (var finding in detector.DetectAsync(act.Id, act.Language, cancellationToken))
                {
                    found.Add(finding);
                }
            }

            Console.Out.WriteLine($"{found.Count} broken references in current editions:");
            foreach (var group in found.GroupBy(f => (f.Language, f.Reason)).OrderByDescending(g => g.Count()))
            {
                Console.Out.WriteLine($"  {group.Key.Language.ToCode()} {group.Count(),6}  {group.Key.Reason}");
            }

            var path = parse.GetRequiredValue(sample);
            if (parse.GetValue(draw) is { } count)
            {
                if (File.Exists(path))
                {
                    throw new CommandException($"'{path}' exists: it may hold hand-checked verdicts. Move it away to draw a new sample.");
                }

                var random = new Random(parse.GetValue(seed));
                await File.WriteAllTextAsync(path, Tsv([.. found.OrderBy(_ => random.Next()).Take(count)]), cancellationToken);
                Console.Out.WriteLine($"Drew {Math.Min(count, found.Count)} findings into {path}; mark 'verdict' yes or no.");
            }
            else if (File.Exists(path))
            {
                Score(path, found);
            }

            return 0;
        });
        return command;
    }

    private static void Score(string path, List<Finding> found)
    {
        var ids = found.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var rows = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Where(c => c[6].Trim().Length > 0).ToList();
        var current = rows.Where(r => ids.Contains(r[0])).ToList();
        var yes = current.Count(r => r[6].Trim() == "yes");
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Broken-references sample: {yes} of {current.Count} findings hand-checked as broken ({(current.Count == 0 ? 0 : 100.0 * yes / current.Count):0}% precision); {rows.Count - current.Count} marked findings no longer made."));
    }

    private static string Tsv(List<Finding> findings)
    {
        var text = new StringBuilder(string.Join('\t', Columns)).Append('\n');
        foreach (var f in findings)
        {
            string[] cells = [f.Id, f.Norm, f.Language.ToCode(), f.OtherNorm ?? "-", f.Reason, f.Differs, string.Empty, string.Empty, f.Text, f.OtherText ?? "-"];
            text.AppendJoin('\t', cells.Select(c => c.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '))).Append('\n');
        }

        return text.ToString();
    }
}
