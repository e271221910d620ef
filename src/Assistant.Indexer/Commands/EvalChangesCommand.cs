using System.CommandLine;
using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Changes;
using Assistant.Core.Editions;
using Assistant.Core.Norms;

namespace Assistant.Indexer.Commands;

/// <summary>
/// <c>eval-changes</c>: recall of change reports on the codes held in two editions. Every article of the current
/// edition whose footnotes name a law adopted after the older edition must be reported changed, added or repealed;
/// reported norms whose footnotes name no such law are counted as unexplained and a sample is printed to be checked
/// by hand.
/// </summary>
internal static class EvalChangesCommand
{
    /// <summary>The codes the corpus holds as a 2024 bulk record and a current Adilet text.</summary>
    private static readonly string[] Codes =
    [
        "K1500000414", "K1400000226", "K1500000375", "K2300000224", "K1400000235", "K1100000518", "K940001000_", "K990000409_",
        "K1500000377", "K1400000231", "K2000000360", "K030000442_", "K2000000350",
    ];

    public static Command Create(CommandContext context)
    {
        var acts = new Option<string[]>("--act") { Description = "Codes to evaluate (default: the 13 held in two editions)", AllowMultipleArgumentsPerToken = true };
        var sample = new Option<int>("--sample") { Description = "Unexplained and explained changes to print per code, for checking by hand", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var command = new Command("eval-changes", "Recall of change reports on the codes held in two editions") { acts, sample, seed };
        command.SetAction(parse =>
        {
            using var catalog = context.OpenExistingCatalog(parse);
            var chosen = parse.GetValue(acts) is { Length: > 0 } given ? given : Codes;
            var random = new Random(parse.GetValue(seed));
            var (expectedTotal, foundTotal, reportedTotal, unexplainedTotal, missingTotal, worst) = (0, 0, 0, 0, 0, 1.0);
            foreach (var actId in chosen)
            {
                var editions = catalog.ListEditions(actId, Language.Ru);
                if (editions.Count < 2)
                {
                    Console.Out.WriteLine($"{actId}: {editions.Count} edition(s) in the catalog, skipped");
                    continue;
                }

                var older = catalog.Read(actId, Language.Ru, editions[0])!;
                var current = catalog.Read(actId, Language.Ru)!;
                var report = EditionComparison.Compare(older, current);
                var olderDate = EditionDates.EndOf(older.Edition) ?? DateOnly.MinValue;
                var reported = report.Norms.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
                var expected = current.Norms.Where(n => AmendedAfter(n, olderDate)).ToList();
                var missed = expected.Where(n => !reported.Contains(n.Id.ToString())).ToList();
                var byId = current.Norms.ToDictionary(n => n.Id.ToString(), StringComparer.Ordinal);
                var unexplained = report.Norms.Where(n => !byId.TryGetValue(n.Id, out var norm) || !AmendedAfter(norm, olderDate)).ToList();
                // The 2024 export lacks many «N-1» articles added before it was made: they come out added, explained by no later law.
                var missingInExport = unexplained.Count(n => n.Change == ChangeKind.Added && n.Article.Contains('-', StringComparison.Ordinal));
                missingTotal += missingInExport;
                var recall = expected.Count == 0 ? 1 : (double)(expected.Count - missed.Count) / expected.Count;
                worst = Math.Min(worst, recall);
                expectedTotal += expected.Count;
                foundTotal += expected.Count - missed.Count;
                reportedTotal += report.Norms.Count;
                unexplainedTotal += unexplained.Count;
                Console.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{actId}: {older.Edition} → {current.Edition}  expected={expected.Count} found={expected.Count - missed.Count} recall={recall:F3}  reported={report.Norms.Count} ({Counts(report)}) unexplained={unexplained.Count} (of them added N-1 articles missing from the older export: {missingInExport})"));
                foreach (var miss in missed.Take(10))
                {
                    Console.Out.WriteLine($"    missed {miss.Id}: {string.Join(" | ", miss.Footnotes.Select(f => Shorten(f.Text)))}");
                }

                var count = parse.GetValue(sample);
                foreach (var change in unexplained.OrderBy(_ => random.Next()).Take(count))
                {
                    Console.Out.WriteLine($"    unexplained {change.Change.ToCode()} {change.Id}: {Shorten(Marked(change))}");
                }

                foreach (var change in report.Norms.Except(unexplained).OrderBy(_ => random.Next()).Take(count))
                {
                    Console.Out.WriteLine($"    sample {change.Change.ToCode()} {change.Id}: {Shorten(Marked(change))}");
                }
            }

            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"expected={expectedTotal} found={foundTotal} recall={(expectedTotal == 0 ? 1 : (double)foundTotal / expectedTotal):F3} worst_recall={worst:F3} reported={reportedTotal} unexplained={unexplainedTotal} unexplained_missing_in_export={missingTotal}"));
            return 0;
        });
        return command;
    }

    private static bool AmendedAfter(Norm norm, DateOnly date) =>
        norm.Footnotes.SelectMany(f => FootnoteReader.Amendments(f.Text)).Any(a => a.AdoptedOn > date);

    private static string Counts(ChangeReport report) =>
        string.Join(' ', report.Norms.GroupBy(n => n.Change).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.ToCode()}={g.Count()}")));

    /// <summary>Only the changed words with a few around them, as «[-old-]{+new+}».</summary>
    private static string Marked(NormChange change) =>
        Redline.Marked(change.Redline, kept => kept.Length <= 60 ? kept : string.Concat(kept.AsSpan(0, 25), " … ", kept.AsSpan(kept.Length - 25)));

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 400 ? flat : string.Concat(flat.AsSpan(0, 400), "…");
    }
}
