using System.CommandLine;
using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Drafts;
using Assistant.Core.Forecasts;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;

namespace Assistant.Indexer.Commands;

/// <summary>
/// indexer draft eval-conflicts: real norms holding a value copied into synthetic laws (<see cref="ConflictSeeds"/>),
/// ingested with their originals into a fresh catalog; the forecast of a draft touching the originals must flag every
/// changed copy with both values, every unchanged copy as a duplication, and no control. Per split: the acts of
/// <c>--tune</c>, which the thresholds were set on, and those of <c>--heldout</c>, which they were not.
/// </summary>
internal static class ConflictEvalCommand
{
    private const double Target = 0.9;

    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo>("--corpus")
        {
            Description = "Folder of Adilet .ru.txt files the originals are read from",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "corpus", "adilet", "ru")),
        };
        var tune = new Option<string[]>("--tune")
        {
            Description = "The acts of the tune split",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["K1500000414", "K1100000518", "K1500000375", "Z2400000106"],
        };
        var heldout = new Option<string[]>("--heldout")
        {
            Description = "The acts of the held-out split",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["K2300000224", "K2000000360", "K030000442_", "Z100000261_"],
        };
        var perAct = new Option<int>("--per-act") { Description = "Seeds per original act", DefaultValueFactory = _ => 12 };
        var keep = new Option<DirectoryInfo?>("--keep") { Description = "Also write the synthetic acts and the drafts here, per split" };
        var verbose = new Option<bool>("--verbose") { Description = "Print every seed missed and every control flagged" };
        var command = new Command("eval-conflicts", "Seeded conflicts and duplicates flagged by the forecast, controls left alone, per split (lexical neighbours)")
        {
            corpus, tune, heldout, perAct, keep, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(corpus);
            var splits = new[] { ("tune", parse.GetRequiredValue(tune)), ("heldout", parse.GetRequiredValue(heldout)) };
            var temporary = Directory.CreateTempSubdirectory("raglegal-conflicts-");
            try
            {
                using var catalog = LegalCatalog.Open(Path.Combine(temporary.FullName, "catalog.db"));
                var seeded = new List<(string Split, SeededAct Act)>();
                var index = 0;
                foreach (var (split, ids) in splits)
                {
                    foreach (var id in ids)
                    {
                        var file = Path.Combine(folder.FullName, id + ".ru.txt");
                        if (!File.Exists(file))
                        {
                            throw new CommandException($"No {file}: pass --corpus with the Adilet Russian texts.");
                        }

                        var original = AdiletTextParser.ParseFile(file);
                        catalog.SaveAct(original);
                        var act = ConflictSeeds.Seed(original, ++index, parse.GetValue(perAct));
                        catalog.SaveAct(AdiletTextParser.Parse(act.OtherActText, act.OtherActId, Language.Ru));
                        seeded.Add((split, act));
                        if (parse.GetValue(keep) is { } kept)
                        {
                            var directory = Directory.CreateDirectory(Path.Combine(kept.FullName, split));
                            await File.WriteAllTextAsync(Path.Combine(directory.FullName, act.OtherActId + ".ru.txt"), act.OtherActText, new UTF8Encoding(false), cancellationToken);
                            await File.WriteAllTextAsync(Path.Combine(directory.FullName, id + ".draft.txt"), act.Draft, new UTF8Encoding(false), cancellationToken);
                        }
                    }
                }

                var titles = catalog.ActTitles().ToList();
                var parser = new DraftParser(new ActResolver(titles));
                var builder = new ForecastBuilder(catalog, catalog, new ActTitleIndex(titles), neighbours: new CatalogNeighbours(catalog));
                var recall = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var split in splits.Select(s => s.Item1))
                {
                    var score = new ConflictScore();
                    foreach (var (_, act) in seeded.Where(s => s.Split == split))
                    {
                        var draft = parser.Parse(act.Draft);
                        var forecast = await builder.BuildAsync(draft, act.Draft, null, Language.Ru, null, null, cancellationToken);
                        score.Add(act, draft, forecast, parse.GetValue(verbose));
                    }

                    recall[split] = score.Print(split);
                }

                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"neighbours=lexical same_subject={ConflictFinder.SameSubject} duplicate={ConflictFinder.Duplicate} tune_recall={recall["tune"]:F3} heldout_recall={recall["heldout"]:F3} target={Target}"));
                return recall["heldout"] >= Target ? 0 : 1;
            }
            finally
            {
                temporary.Delete(recursive: true);
            }
        });
        return command;
    }

    /// <summary>The counts of one split.</summary>
    private sealed class ConflictScore
    {
        private readonly Dictionary<ValueKind, (int Seeded, int Flagged)> _byKind = [];
        private int _conflicts;
        private int _flagged;
        private int _duplicates;
        private int _duplicatesFound;
        private int _duplicatesAsConflicts;
        private int _controls;
        private int _controlsFlagged;
        private int _otherFlags;
        private int _acts;
        private int _failedInstructions;

        public void Add(SeededAct act, ParsedDraft draft, Forecast forecast, bool verbose)
        {
            _acts++;
            _failedInstructions += draft.Failed.Count + forecast.Acts.Sum(a => a.Failed.Count);
            var copies = act.Seeds.Select(s => s.Copy.ToString()).ToHashSet(StringComparer.Ordinal);
            var others = forecast.Conflicts.Where(c => !copies.Contains(c.Other)).ToList();
            _otherFlags += others.Count;
            foreach (var other in others.Where(_ => verbose))
            {
                Console.Out.WriteLine($"  other flag: {other.Kind} {other.Norm} «{other.Value.Phrase}» / {other.Other} «{other.OtherValue.Phrase}» ({other.OtherCitation}, overlap {other.Overlap})");
                Console.Out.WriteLine($"    {other.Sentence}\n    {other.OtherSentence}");
            }

            foreach (var seed in act.Seeds)
            {
                var found = forecast.Conflicts.Where(c => c.Other == seed.Copy.ToString()).ToList();
                var passed = true;
                switch (seed.Role)
                {
                    case SeedRole.Conflict:
                        passed = found.Exists(c => c.Kind == ConflictKind.Conflict && c.Norm == seed.Unit.ToString()
                            && c.Value.Normalized == seed.Original.Normalized && c.OtherValue.Normalized == seed.Changed.Normalized);
                        _conflicts++;
                        _flagged += passed ? 1 : 0;
                        var kind = _byKind.GetValueOrDefault(seed.Original.Kind);
                        _byKind[seed.Original.Kind] = (kind.Seeded + 1, kind.Flagged + (passed ? 1 : 0));
                        break;
                    case SeedRole.Duplicate:
                        passed = found.Exists(c => c.Kind == ConflictKind.Duplication && c.Norm == seed.Unit.ToString());
                        _duplicates++;
                        _duplicatesFound += passed ? 1 : 0;
                        _duplicatesAsConflicts += found.Exists(c => c.Kind == ConflictKind.Conflict) ? 1 : 0;
                        break;
                    default:
                        passed = found.Count == 0;
                        _controls++;
                        _controlsFlagged += passed ? 0 : 1;
                        break;
                }

                if (verbose && !passed)
                {
                    Console.Out.WriteLine($"  {seed.Role.ToString().ToLowerInvariant()} {seed.Unit} «{seed.Original.Phrase}» → {seed.Copy} «{seed.Changed.Phrase}»: found [{string.Join("; ", found.Select(c => $"{c.Kind} {c.Norm} «{c.Value.Phrase}»/«{c.OtherValue.Phrase}» {c.Overlap}"))}]");
                    Console.Out.WriteLine($"    original: {seed.Sentence}");
                }
            }
        }

        /// <returns>The share of seeded conflicts flagged with both values.</returns>
        public double Print(string split)
        {
            var recall = _conflicts == 0 ? 0 : _flagged / (double)_conflicts;
            var kinds = string.Join(' ', _byKind.OrderBy(k => k.Key).Select(k => $"{k.Key.ToString().ToLowerInvariant()}={k.Value.Flagged}/{k.Value.Seeded}"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"set {split}: acts={_acts} conflicts_flagged={_flagged}/{_conflicts} recall={recall:F3} ({kinds}) duplicates_found={_duplicatesFound}/{_duplicates} duplicates_flagged_as_conflicts={_duplicatesAsConflicts} controls_flagged={_controlsFlagged}/{_controls} other_flags={_otherFlags} instructions_failed={_failedInstructions}"));
            return recall;
        }
    }
}
