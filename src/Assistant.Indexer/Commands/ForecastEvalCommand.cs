using System.CommandLine;
using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Drafts;
using Assistant.Core.Forecasts;

namespace Assistant.Indexer.Commands;

/// <summary>
/// indexer draft eval-forecast: the seeded-fault set (each draft with one known fault, or none) and the dependents of
/// every draft in it against the catalog's reference table, per set (tune, heldout).
/// </summary>
internal static class ForecastEvalCommand
{
    public static Command Create(CommandContext context)
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder of sets (tune/, heldout/) of drafts (*.txt), each with <name>.expect: edition, fault (a rule or none), twin" };
        var verbose = new Option<bool>("--verbose") { Description = "Print every draft's findings" };
        var command = new Command("eval-forecast", "Seeded drafting faults found, clean drafts left clean, dependents against the reference table") { folder, verbose };
        command.SetAction(parse =>
        {
            var root = parse.GetRequiredValue(folder);
            if (!root.Exists)
            {
                throw new CommandException($"No folder '{root}'.");
            }

            using var catalog = context.OpenExistingCatalog(parse);
            var titles = catalog.ActTitles().ToList();
            var parser = new DraftParser(new ActResolver(titles));
            var builder = new ForecastBuilder(catalog, catalog, new ActTitleIndex(titles));
            var references = catalog.AllReferences(Language.Ru);
            var missed = 0;
            foreach (var set in root.GetDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                var (faults, faultsFound, clean, cleanClean, falseAlarms) = (0, 0, 0, 0, 0);
                var dependents = new DependentsScore(0, 0, 0, 0);
                foreach (var file in set.GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    var expect = Expectation.Read(Path.ChangeExtension(file.FullName, ".expect"));
                    var text = File.ReadAllText(file.FullName);
                    var twin = expect.Twin is { } twinName ? parser.Parse(File.ReadAllText(Path.Combine(set.FullName, twinName))) : null;
                    var forecast = builder.Build(parser.Parse(text), text, expect.Edition, Language.Ru, twin);
                    var rules = forecast.Findings.Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
                    var score = DependentsScore.Of(forecast, references);
                    dependents = dependents.Add(score);
                    bool passed;
                    if (expect.Fault == "none")
                    {
                        clean++;
                        passed = rules.Count == 0;
                        cleanClean += passed ? 1 : 0;
                    }
                    else
                    {
                        faults++;
                        passed = rules.Contains(expect.Fault);
                        faultsFound += passed ? 1 : 0;
                        falseAlarms += rules.Count(r => r != expect.Fault);
                    }

                    missed += passed ? 0 : 1;
                    if (parse.GetValue(verbose) || !passed)
                    {
                        Console.Out.WriteLine($"{set.Name}/{file.Name}: expected {expect.Fault}, found [{string.Join(", ", rules)}]{(passed ? "" : "  MISSED")}; dependents {score.Found}/{score.Expected}, {score.Correct}/{score.Listed} correct");
                        foreach (var finding in forecast.Findings.Where(f => !passed || parse.GetValue(verbose)))
                        {
                            Console.Out.WriteLine($"    {finding.Rule} line {finding.Line}: {finding.Message}");
                        }
                    }
                }

                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"set {set.Name}: seeded faults found {faultsFound}/{faults}, other rules reported beside them {falseAlarms}; clean drafts without a finding {cleanClean}/{clean}; dependents recall {Share(dependents.Found, dependents.Expected)} ({dependents.Found}/{dependents.Expected}), precision {Share(dependents.Correct, dependents.Listed)} ({dependents.Correct}/{dependents.Listed})"));
            }

            return missed == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Share(int part, int whole) => whole == 0 ? "n/a" : (part / (double)whole).ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>A draft's sidecar: «edition: ru2024-261», «fault: words-absent» (or none), «twin: name.kk».</summary>
    private sealed record Expectation(string? Edition, string Fault, string? Twin)
    {
        public static Expectation Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new CommandException($"No {Path.GetFileName(path)} beside the draft: write «fault: <rule or none>» and «edition: <edition>» in it.");
            }

            var fields = File.ReadAllLines(path).Select(line => line.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
            return new Expectation(
                fields.GetValueOrDefault("edition"),
                fields.GetValueOrDefault("fault") ?? throw new CommandException($"{path}: no «fault:» line"),
                fields.GetValueOrDefault("twin"));
        }
    }
}
