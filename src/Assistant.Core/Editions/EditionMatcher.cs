using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Editions;

/// <summary>
/// Decides which stored records are editions or language versions of one act. Records are joined by rules that can
/// each be checked in the report: the same text (a duplicate), the same registration (date and number), a title that
/// names one act of another collection, a code named by its title. A record that could belong to two acts is left
/// alone and reported, never guessed; two Adilet codes are never joined.
/// </summary>
public static partial class EditionMatcher
{
    /// <summary>A name shorter than this («О банках») says too little to join records by title alone.</summary>
    private const int MinTitleKey = 12;

    /// <summary>The bulk collection of codes and laws as of about 2024 (<c>ru-acts-2024-NN.jsonl.gz</c>).</summary>
    public const string CodesAndLaws = "ru-acts-2024";

    public static IdentityReport Match(IReadOnlyList<ActRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var components = new Components(records);
        var ambiguities = new List<IdentityAmbiguity>();
        JoinDuplicates(records, components);
        JoinKnownCodes(records, components);
        JoinByRegistration(records, components, ambiguities);
        JoinByTitle(records, components, ambiguities);

        var matches = new List<IdentityMatch>();
        for (var i = 0; i < records.Count; i++)
        {
            if (components.Link(i) is { } link)
            {
                matches.Add(new IdentityMatch(records[i], components.ActIdOf(i), link.Rule, link.Duplicate, link.Detail));
            }
        }

        return new IdentityReport(matches, ambiguities);
    }

    /// <summary>The folded name of an act as titles of every source spell it, without kind, country and status words.</summary>
    public static string TitleKey(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var folded = TextFolding.Fold(title);
        if (StatusWord().Match(folded) is { Success: true } status)
        {
            folded = folded[..status.Index];
        }

        folded = Noise().Replace(folded, " ");
        return string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void JoinDuplicates(IReadOnlyList<ActRecord> records, Components components)
    {
        foreach (var group in Enumerable.Range(0, records.Count)
                     .Where(i => records[i].TextDigest.Length > 0)
                     .GroupBy(i => (records[i].Language, records[i].TextDigest))
                     .Where(g => g.Count() > 1))
        {
            var keeper = group.OrderBy(i => Rank(records[i])).ThenBy(i => records[i].RecordId, StringComparer.Ordinal).First();
            foreach (var i in group.Where(i => i != keeper))
            {
                components.Join(i, keeper, new Link(IdentityRule.DuplicateText, true, $"same text as {records[keeper].RecordId}"));
            }
        }
    }

    private static void JoinKnownCodes(IReadOnlyList<ActRecord> records, Components components)
    {
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (!record.FromAdilet && record.ActId != record.RecordId && KnownActs.FindById(record.ActId) is { } known)
            {
                components.Name(i, new Link(IdentityRule.KnownCode, false, $"title «{record.Title}» names {known.RussianTitle}"));
            }
        }
    }

    private static void JoinByRegistration(IReadOnlyList<ActRecord> records, Components components, List<IdentityAmbiguity> ambiguities)
    {
        var groups = Enumerable.Range(0, records.Count)
            .Select(i => (Index: i, Registration: records[i].Registration))
            .Where(r => r.Registration is not null)
            .GroupBy(r => r.Registration!.Value, r => r.Index);
        foreach (var group in groups)
        {
            var members = group.Where(i => !components.IsDuplicate(i)).ToList();
            if (members.Select(components.Root).Distinct().Count() < 2
                || members.Select(i => (records[i].Language, records[i].Collection)).Distinct().Count() < 2)
            {
                // Nothing to join: records of one collection and language are never each other's editions by registration.
                continue;
            }

            // Local acts share dates and numbers across districts: one registration held twice in one collection and
            // language is two acts, and which of them the others are cannot be told.
            var crowded = members.GroupBy(i => (records[i].Language, records[i].Collection))
                .Where(g => g.Select(components.Root).Distinct().Count() > 1)
                .ToList();
            var kinds = members.Select(i => records[i].Kind).Where(k => k is not ActKind.Unknown).Distinct().Count();
            if (crowded.Count > 0 || kinds > 1)
            {
                foreach (var i in members.Where(i => records[i].Language == Language.Kk || crowded.Any(g => g.Contains(i))))
                {
                    ambiguities.Add(new IdentityAmbiguity(
                        records[i],
                        [.. members.Where(j => j != i).Select(j => records[j].ActId).Distinct(StringComparer.Ordinal)],
                        kinds > 1 ? $"registration {group.Key} is shared by acts of different kinds" : $"registration {group.Key} is held by several records of one collection"));
                }

                continue;
            }

            var anchor = members.OrderBy(i => Rank(records[i])).ThenBy(i => records[i].RecordId, StringComparer.Ordinal).First();
            foreach (var i in members.Where(i => i != anchor))
            {
                if (!components.Join(i, anchor, new Link(IdentityRule.Registration, false, $"adopted {group.Key} like {records[anchor].RecordId}")))
                {
                    ambiguities.Add(new IdentityAmbiguity(records[i], [components.ActIdOf(i), components.ActIdOf(anchor)], $"registration {group.Key} joins two acts with codes of their own"));
                }
            }
        }
    }

    private static void JoinByTitle(IReadOnlyList<ActRecord> records, Components components, List<IdentityAmbiguity> ambiguities)
    {
        var russian = Enumerable.Range(0, records.Count)
            .Where(i => records[i].Language == Language.Ru && !components.IsDuplicate(i))
            .Select(i => (Index: i, Key: TitleKey(records[i].Title)))
            .Where(r => r.Key.Length >= MinTitleKey)
            .ToList();
        var byKey = russian.ToLookup(r => r.Key, r => r.Index, StringComparer.Ordinal);
        foreach (var (index, key) in russian)
        {
            var record = records[index];
            if (record.FromAdilet || components.IsNamed(index))
            {
                continue;
            }

            var collection = record.Collection;
            var candidates = byKey[key]
                .Where(j => components.Root(j) != components.Root(index) && records[j].Collection != collection && KindsAgree(record, records[j]) && AdoptedBy(records[j], record))
                .GroupBy(components.Root)
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            if (candidates.Count > 1)
            {
                ambiguities.Add(new IdentityAmbiguity(record, [.. candidates.Select(g => components.ActIdOf(g.First()))], $"title «{record.Title}» names {candidates.Count} acts"));
                continue;
            }

            var other = candidates[0].OrderBy(j => Rank(records[j])).First();
            if (!components.Join(index, other, new Link(IdentityRule.Title, false, $"title «{record.Title}» = «{records[other].Title}» ({records[other].RecordId})")))
            {
                ambiguities.Add(new IdentityAmbiguity(record, [components.ActIdOf(index), components.ActIdOf(other)], $"title «{record.Title}» joins two acts with codes of their own"));
            }
        }
    }

    private static bool KindsAgree(ActRecord a, ActRecord b) => KindOf(a) == KindOf(b) || KindOf(a) == ActKind.Unknown || KindOf(b) == ActKind.Unknown
        || (IsLawLike(a) && IsLawLike(b));

    /// <summary>The 2024 bulk collection holds codes and laws only: a record there of no stated kind is one of them.</summary>
    private static ActKind KindOf(ActRecord record) =>
        record is { Kind: ActKind.Unknown, Collection: CodesAndLaws } ? ActKind.Law : record.Kind;

    private static bool IsLawLike(ActRecord record) =>
        KindOf(record) is ActKind.Law or ActKind.ConstitutionalLaw;

    /// <summary>An edition dated before the other act was adopted cannot be of that act.</summary>
    private static bool AdoptedBy(ActRecord act, ActRecord edition) =>
        act.AdoptedOn is not { } adopted || edition.Edition is not { Length: >= 10 } label
        || string.CompareOrdinal(adopted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), label) <= 0;

    /// <summary>Which record's id the act takes: an Adilet code, a known code, a Russian record with a registration, any other.</summary>
    private static int Rank(ActRecord record) => record switch
    {
        { FromAdilet: true } => 0,
        _ when KnownActs.FindById(record.ActId) is not null => 1,
        { Language: Language.Ru, Registration: not null } when IsPlainId(record.ActId) => 2,
        { Language: Language.Ru } when IsPlainId(record.ActId) => 3,
        { Language: Language.Ru } => 4,
        _ => 5,
    };

    /// <summary>Some sources key records by their title («ru-ex-О безопасности игрушек …»): a poor id for an act.</summary>
    private static bool IsPlainId(string id) => !id.Any(char.IsWhiteSpace);

    private static bool IsStrong(ActRecord record) => Rank(record) <= 1;

    [GeneratedRegex(@"\s(?:новый|обновленный|жаңа|жаңартылған)\s", RegexOptions.CultureInvariant)]
    private static partial Regex StatusWord();

    /// <summary>Kind words, the country's name and punctuation: what abbreviated titles leave out or spell otherwise.</summary>
    [GeneratedRegex(@"^\s*(?:конституционный\s+закон|закон|кодекс)\s+(?:рк|республики\s+казахстан)\b|\b(?:в\s+)?(?:республик[аеи]\s+казахстан|рк)\b|[«»""'()\.,:;–—-]", RegexOptions.CultureInvariant)]
    private static partial Regex Noise();

    private sealed record Link(IdentityRule Rule, bool Duplicate, string Detail);

    /// <summary>Union-find over records; a component's act id is that of its best-ranked record.</summary>
    private sealed class Components
    {
        private readonly IReadOnlyList<ActRecord> _records;
        private readonly int[] _parent;
        private readonly int[] _best;
        private readonly Link?[] _links;

        public Components(IReadOnlyList<ActRecord> records)
        {
            _records = records;
            _parent = [.. Enumerable.Range(0, records.Count)];
            _best = [.. Enumerable.Range(0, records.Count)];
            _links = new Link?[records.Count];
        }

        public int Root(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public string ActIdOf(int i) => _records[_best[Root(i)]].ActId;

        public Link? Link(int i) => _links[i];

        public bool IsDuplicate(int i) => _links[i] is { Duplicate: true };

        public bool IsNamed(int i) => _links[i] is not null;

        public void Name(int i, Link link) => _links[i] ??= link;

        /// <summary>Joins the components of <paramref name="i"/> and <paramref name="j"/> unless both carry a code of their own.</summary>
        public bool Join(int i, int j, Link link)
        {
            var (a, b) = (Root(i), Root(j));
            if (a == b)
            {
                return true;
            }

            var (bestA, bestB) = (_records[_best[a]], _records[_best[b]]);
            if (IsStrong(bestA) && IsStrong(bestB) && bestA.ActId != bestB.ActId)
            {
                return false;
            }

            _parent[a] = b;
            if (Rank(bestA) < Rank(bestB) || (Rank(bestA) == Rank(bestB) && string.CompareOrdinal(bestA.ActId, bestB.ActId) < 0))
            {
                _best[b] = _best[a];
            }

            _links[i] ??= link;
            return true;
        }
    }
}
