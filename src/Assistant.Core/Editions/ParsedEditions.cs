using Assistant.Core.Acts;
using Assistant.Core.Adilet;

namespace Assistant.Core.Editions;

/// <summary>
/// Editions of acts parsed from files, held in memory: what drafts are applied to without a catalog (the draft
/// evaluation, tests). Every record of one act id and language is an edition; the latest label is the current one.
/// </summary>
public sealed class ParsedEditions : IEditionSource
{
    private readonly Dictionary<(string, Language), List<Act>> editions = [];

    public ParsedEditions(IEnumerable<Act> acts)
    {
        ArgumentNullException.ThrowIfNull(acts);
        foreach (var act in acts)
        {
            if (!editions.TryGetValue((act.Id, act.Language), out var list))
            {
                editions[(act.Id, act.Language)] = list = [];
            }

            list.Add(act);
        }

        foreach (var list in editions.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Edition ?? string.Empty, b.Edition ?? string.Empty));
        }
    }

    /// <summary>
    /// Reads Adilet .txt files and the records of bulk .jsonl(.gz) files under <paramref name="paths"/> whose act
    /// <paramref name="keep"/> accepts (all when null); unreadable files and records are skipped.
    /// </summary>
    public static ParsedEditions Load(IEnumerable<string> paths, Func<Act, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var acts = new List<Act>();
        foreach (var file in paths.SelectMany(Files))
        {
            if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                acts.Add(AdiletTextParser.ParseFile(file));
            }
            else
            {
                acts.AddRange(BulkRecordReader.ReadFile(file).Select(entry => entry.Act).OfType<Act>());
            }
        }

        return new ParsedEditions(keep is null ? acts : acts.Where(keep));
    }

    /// <summary>The acts held, every edition.</summary>
    public IEnumerable<Act> Acts => editions.Values.SelectMany(list => list);

    /// <summary>The editions of one act, oldest first.</summary>
    public IReadOnlyList<Act> EditionsOf(string actId, Language language) =>
        editions.TryGetValue((actId, language), out var list) ? list : [];

    public EditionText? Read(string actId, Language language, string? edition = null)
    {
        var list = EditionsOf(actId, language);
        if (list.Count == 0)
        {
            return null;
        }

        var act = edition is null ? list[^1] : list.LastOrDefault(a => a.Edition == edition || RecordId(a) == edition);
        return act is null ? null : new EditionText(act.Id, act.Language, act.Edition ?? string.Empty, ReferenceEquals(act, list[^1]), act.Norms);
    }

    /// <summary>The id of the record an act was read from: «ru2024-261» of «ru-acts-2024-00.jsonl.gz#ru2024-261».</summary>
    public static string? RecordId(Act act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var hash = act.Source?.LastIndexOf('#') ?? -1;
        return hash >= 0 ? act.Source![(hash + 1)..] : null;
    }

    private static IEnumerable<string> Files(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsActFile).Order(StringComparer.Ordinal)
        : [path];

    private static bool IsActFile(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);
}
