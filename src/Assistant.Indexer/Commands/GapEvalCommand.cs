using System.CommandLine;
using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;
using Assistant.Storage.Findings;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Commands;

/// <summary>
/// indexer eval-gaps: the hand-checked sample of delegating norms (<c>eval/findings/gaps-sample.tsv</c>). With
/// <c>--draw N</c> it draws N delegations of the catalog at random and writes them with what the matching found, for a
/// person to fill in the <c>truth</c> column; without it, it matches each sampled delegation again and counts how many
/// the matching gets right against that column: the implementing act found where there is one, none where there is none.
/// </summary>
internal static class GapEvalCommand
{
    private static readonly string[] Columns = ["norm", "lang", "body", "phrase", "matched", "basis", "score", "closest", "truth", "note", "matched_title", "sentence"];

    public static Command Create(CommandContext context)
    {
        var sample = new Option<string>("--sample")
        {
            Description = "The sample file (TSV)",
            DefaultValueFactory = _ => Path.Combine("eval", "findings", "gaps-sample.tsv"),
        };
        var draw = new Option<int?>("--draw") { Description = "Draw this many delegations into --sample instead of scoring it (refuses to overwrite)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the draw", DefaultValueFactory = _ => 23 };
        var exclude = new Option<string?>("--exclude") { Description = "With --draw: leave out the delegations of this sample (the one the matching was tuned on)" };
        var verbose = new Option<bool>("--verbose") { Description = "Print every delegation the matching gets wrong" };
        var command = new Command("eval-gaps", "Gaps: on a hand-checked sample of delegating norms, how many the implementing-act matching gets right")
        {
            sample, draw, seed, exclude, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var catalog = context.OpenExistingCatalog(parse);
            var detector = new GapDetector(new CatalogDelegations(catalog), context.Loggers.CreateLogger<GapDetector>());
            await detector.PrepareAsync(cancellationToken);
            var path = parse.GetRequiredValue(sample);
            if (parse.GetValue(draw) is { } count)
            {
                if (File.Exists(path))
                {
                    throw new CommandException($"'{path}' exists: it may hold hand-checked verdicts. Move it away to draw a new sample.");
                }

                var excluded = parse.GetValue(exclude) is { } other ? await SampledAsync(other, cancellationToken) : [];
                var drawn = await DrawAsync(catalog, detector, count, parse.GetValue(seed), excluded, cancellationToken);
                await File.WriteAllTextAsync(path, Tsv(drawn), cancellationToken);
                Console.Out.WriteLine($"Drew {drawn.Count} delegations into {path}; fill in 'truth' (an implementing act id, or none).");
                return 0;
            }

            return await ScoreAsync(detector, path, parse.GetValue(verbose), cancellationToken);
        });
        return command;
    }

    /// <summary>The (norm, phrase) pairs of a sample file.</summary>
    private static async Task<HashSet<(string Norm, string Phrase)>> SampledAsync(string path, CancellationToken cancellationToken) =>
        [.. (await File.ReadAllLinesAsync(path, cancellationToken)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => (c[0], c[3]))];

    private static async Task<List<(Language Language, DelegationCheck Check)>> DrawAsync(LegalCatalog catalog, GapDetector detector, int count, int seed, HashSet<(string, string)> excluded, CancellationToken cancellationToken)
    {
        var all = new List<(Language, DelegationCheck)>();
        foreach (var act in catalog.ListActs().Where(a => ActHierarchy.Rank(a.Kind) is <= GapDetector.LowestDelegatingRank).OrderBy(a => a.Id, StringComparer.Ordinal).ThenBy(a => a.Language))
        {
            var (_, checks) = await detector.CheckAsync(act.Id, act.Language, cancellationToken);
            all.AddRange(checks.Select(c => (act.Language, c)));
        }

        Console.Out.WriteLine($"{all.Count} delegations in the catalog; {all.Count(a => a.Item2.Implementation.Found is null)} without an implementing act found.");
        var random = new Random(seed);
        return [.. all.Where(a => !excluded.Contains((a.Item2.Norm.ToString(), a.Item2.Phrase))).OrderBy(_ => random.Next()).Take(count)];
    }

    private static async Task<int> ScoreAsync(GapDetector detector, string path, bool verbose, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"No sample at '{path}': draw one with --draw 50.");
        }

        var rows = (await File.ReadAllLinesAsync(path, cancellationToken)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        var right = 0;
        var judged = 0;
        foreach (var row in rows)
        {
            var norm = NormId.Parse(row[0]);
            var language = LanguageCodes.Parse(row[1]);
            var truth = row[8].Trim();
            if (truth.Length == 0)
            {
                continue;
            }

            var (_, checks) = await detector.CheckAsync(norm.ActId, language, cancellationToken);
            if (checks.FirstOrDefault(c => c.Norm == norm && c.Phrase == row[3]) is not { } check)
            {
                // Scoring it as «none found» would count a delegation the detector no longer reads as a rightly found gap.
                tally["no longer read as a delegation"] = tally.GetValueOrDefault("no longer read as a delegation") + 1;
                continue;
            }

            var matched = check.Implementation.Found?.ActId ?? "none";
            var acceptable = truth.Split(',', StringSplitOptions.TrimEntries);
            var correct = acceptable.Contains(matched, StringComparer.Ordinal);
            var outcome = (matched == "none", truth == "none") switch
            {
                (true, true) => "gap, rightly none found",
                (true, false) => "implementing act missed",
                (false, _) when correct => "implementing act found",
                _ => "wrong act named",
            };
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            judged++;
            right += correct ? 1 : 0;
            if (verbose && !correct)
            {
                Console.Out.WriteLine($"  {row[0]} ({row[1]}): matched {matched}, truth {truth} — {outcome}");
            }
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Gaps sample: {right} of {judged} delegating norms matched right ({(judged == 0 ? 0 : 100.0 * right / judged):0}%)."));
        foreach (var (outcome, n) in tally.OrderByDescending(p => p.Value))
        {
            Console.Out.WriteLine($"  {outcome}: {n}");
        }

        return 0;
    }

    private static string Tsv(List<(Language Language, DelegationCheck Check)> drawn)
    {
        var text = new StringBuilder(string.Join('\t', Columns)).Append('\n');
        foreach (var (language, check) in drawn)
        {
            var found = check.Implementation.Found;
            var closest = check.Implementation.Closest;
            string[] cells =
            [
                check.Norm.ToString(), language.ToCode(), check.Body, check.Phrase, found?.ActId ?? "none", found?.Basis ?? "-",
                (found?.Score ?? closest?.Score ?? 0).ToString("0.000", CultureInfo.InvariantCulture), closest?.ActId ?? "-", string.Empty, string.Empty,
                found?.Title ?? closest?.Title ?? "-", check.Sentence,
            ];
            text.AppendJoin('\t', cells.Select(Cell)).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
