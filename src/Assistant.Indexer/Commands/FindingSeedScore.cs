using System.Globalization;
using Assistant.Core.Findings;

namespace Assistant.Indexer.Commands;

/// <summary>The counts of one split: seeds found per role and value kind, paraphrases flagged as conflicts.</summary>
internal sealed class FindingSeedScore
{
    private readonly List<(FindingSeed Seed, bool Found)> _conflicts = [];
    private readonly List<(FindingSeed Seed, bool Found)> _duplicates = [];
    private readonly List<(FindingSeed Seed, bool Flagged)> _paraphrases = [];

    public double ConflictRecall => Share(_conflicts);

    public double DuplicateRecall => Share(_duplicates);

    public double ParaphraseFlagged => Share(_paraphrases);

    public static FindingSeedScore Of(IReadOnlyList<FindingSeed> seeds, IReadOnlyList<Finding> findings)
    {
        var pairs = findings.Select(f => (f.Kind, Pair(f.Norm, f.OtherNorm ?? string.Empty))).ToHashSet();
        var score = new FindingSeedScore();
        foreach (var seed in seeds)
        {
            var pair = Pair(seed.Copy, seed.Original);
            switch (seed.Role)
            {
                case FindingSeedRole.Conflict:
                    score._conflicts.Add((seed, pairs.Contains((FindingKind.Conflict, pair))));
                    break;
                case FindingSeedRole.Duplicate:
                    score._duplicates.Add((seed, pairs.Contains((FindingKind.Duplicate, pair))));
                    break;
                default:
                    score._paraphrases.Add((seed, pairs.Contains((FindingKind.Conflict, pair))));
                    break;
            }
        }

        return score;
    }

    public void Print(string split, TextWriter output, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{split}: conflicts {Found(_conflicts)}/{_conflicts.Count} recall {ConflictRecall:F3}; duplicates {Found(_duplicates)}/{_duplicates.Count} recall {DuplicateRecall:F3}; paraphrases flagged as conflicts {Found(_paraphrases)}/{_paraphrases.Count} ({ParaphraseFlagged:P0})"));
        foreach (var group in _conflicts.GroupBy(c => (c.Seed.Kind, c.Seed.Language)).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  conflict {group.Key.Kind,-9} {group.Key.Language.ToString().ToLowerInvariant()}  {group.Count(c => c.Found)}/{group.Count()}"));
        }

        foreach (var group in _duplicates.GroupBy(c => c.Seed.Language).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  duplicate {group.Key.ToString().ToLowerInvariant()}  {group.Count(c => c.Found)}/{group.Count()}"));
        }

        if (verbose)
        {
            foreach (var (seed, _) in _conflicts.Concat(_duplicates).Where(c => !c.Found).Concat(_paraphrases.Where(p => p.Flagged)))
            {
                output.WriteLine($"  {(seed.Role == FindingSeedRole.Paraphrase ? "flagged" : "missed")} {seed.Role} {seed.Kind} {seed.Copy} ← {seed.Original}: {seed.Changed.ReplaceLineEndings(" ")[..Math.Min(200, seed.Changed.Length)]}");
            }
        }
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static int Found(List<(FindingSeed, bool)> seeds) => seeds.Count(s => s.Item2);

    private static double Share(List<(FindingSeed, bool)> seeds) => seeds.Count == 0 ? 1 : Found(seeds) / (double)seeds.Count;
}
