using System.CommandLine;
using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Forecasts;
using Assistant.Storage.Catalog;
using Assistant.Storage.Findings;

namespace Assistant.Indexer.Commands;

/// <summary>
/// <c>findings eval</c>: articles of real Russian and Kazakh acts copied into synthetic laws (<see cref="FindingSeeds"/>)
/// and ingested with their originals into a fresh catalog; the analysis must flag every changed copy as a conflict
/// and every verbatim copy as a duplicate, and no paraphrase as a conflict. Per split: the acts of the tune split,
/// which thresholds were set on, and those of the held-out split, which they were not.
/// </summary>
internal static class FindingsEvalCommand
{
    private const double Target = 0.9;

    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var corpus = new Option<DirectoryInfo>("--corpus")
        {
            Description = "The shared corpus folder: adilet/ru/*.ru.txt and bulk/*.jsonl.gz",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "corpus")),
        };
        var tune = new Option<string[]>("--tune")
        {
            Description = "The acts of the tune split (Adilet codes of Russian texts, CODE.kk for a Kazakh Adilet text, bulk ids of Kazakh records)",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["K1500000414", "Z2400000106", "kk-006676", "kk-009182"],
        };
        var heldout = new Option<string[]>("--heldout")
        {
            Description = "The acts of the held-out split",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["K2300000224", "Z100000261_", "kk-012279", "kk-003934"],
        };
        var perAct = new Option<int>("--per-act") { Description = "Seeds per original act (six conflicts, two duplicates, two paraphrases in ten)", DefaultValueFactory = _ => 20 };
        var verbose = new Option<bool>("--verbose") { Description = "Print every seed missed and every paraphrase flagged" };
        var command = new Command("eval", "Seeded conflicts, duplicates and paraphrases through the real detectors: recall per kind and the paraphrase false-flag rate, per split")
        {
            corpus, tune, heldout, perAct, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(corpus);
            var splits = new[] { ("tune", parse.GetRequiredValue(tune)), ("heldout", parse.GetRequiredValue(heldout)) };
            var temporary = Directory.CreateTempSubdirectory("raglegal-findings-eval-");
            try
            {
                var path = Path.Combine(temporary.FullName, "catalog.db");
                var seeds = SeedCatalog(folder, splits, parse.GetValue(perAct), path);
                var findings = await FindingSeedRun.AnalyseAsync(path, context.Loggers, cancellationToken);
                var heldoutRecall = 1.0;
                foreach (var (split, _) in splits)
                {
                    var score = FindingSeedScore.Of(seeds.Where(s => s.Split == split).ToList(), findings);
                    score.Print(split, Console.Out, parse.GetValue(verbose));
                    if (split == "heldout")
                    {
                        heldoutRecall = Math.Min(score.ConflictRecall, score.DuplicateRecall);
                    }
                }

                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"candidate={NormPairs.CandidateSimilarity} duplicate={DuplicateDetector.Threshold} same_subject={ConflictFinder.SameSubject} heldout_min_recall={heldoutRecall:F3} target={Target}"));
                return heldoutRecall >= Target ? 0 : 1;
            }
            finally
            {
                temporary.Delete(recursive: true);
            }
        });
        return command;
    }

    /// <summary>Saves the originals and their seeded copies into a new catalog at <paramref name="path"/>.</summary>
    internal static List<FindingSeed> SeedCatalog(DirectoryInfo folder, (string Split, string[] Acts)[] splits, int perAct, string path)
    {
        using var catalog = LegalCatalog.Open(path);
        var bulk = new HashSet<string>(splits.SelectMany(s => s.Acts).Where(a => !File.Exists(Adilet(folder, a))), StringComparer.Ordinal);
        var kazakh = ReadBulk(folder, bulk);
        var seeds = new List<FindingSeed>();
        var index = 0;
        foreach (var (split, acts) in splits)
        {
            foreach (var id in acts)
            {
                var original = File.Exists(Adilet(folder, id)) ? AdiletTextParser.ParseFile(Adilet(folder, id))
                    : kazakh.GetValueOrDefault(id) ?? throw new CommandException($"No act '{id}' in {folder.FullName}: neither adilet/ru/{id}.ru.txt, adilet/kk/{id}.txt nor a bulk record.");
                catalog.SaveAct(original);
                foreach (var (seed, copy) in FindingSeeds.Seed(original, split, perAct, ref index))
                {
                    catalog.SaveAct(copy);
                    seeds.Add(seed);
                }
            }
        }

        return seeds;
    }

    /// <summary>The Adilet text of an act: «K1500000414» the Russian one, «K950001000_.kk» the Kazakh one.</summary>
    private static string Adilet(DirectoryInfo folder, string id) => id.EndsWith(".kk", StringComparison.Ordinal)
        ? Path.Combine(folder.FullName, "adilet", "kk", id + ".txt")
        : Path.Combine(folder.FullName, "adilet", "ru", id + ".ru.txt");

    private static Dictionary<string, Act> ReadBulk(DirectoryInfo folder, HashSet<string> wanted)
    {
        var found = new Dictionary<string, Act>(StringComparer.Ordinal);
        var directory = Path.Combine(folder.FullName, "bulk");
        if (wanted.Count == 0 || !Directory.Exists(directory))
        {
            return found;
        }

        foreach (var file in Directory.GetFiles(directory, "kk-acts-*.jsonl.gz").Order(StringComparer.Ordinal))
        {
            foreach (var entry in BulkRecordReader.ReadFile(file))
            {
                if (entry.Act is { } act && wanted.Contains(act.Id))
                {
                    found[act.Id] = act;
                }
            }

            if (found.Count == wanted.Count)
            {
                break;
            }
        }

        return found;
    }
}
