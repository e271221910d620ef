using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;
using Assistant.Core.Norms;

namespace Assistant.Core.Forecasts;

/// <summary>
/// The drafting rules (юридическая техника, Law on legal acts, chapter 4) a forecast checks: instructions that cannot
/// be applied, instructions aimed at repealed norms, the numbering of inserted units, the entry into force, references
/// to acts not in force, and two language versions that do not make the same operations.
/// </summary>
internal sealed partial class DraftingRules(IReferenceGraph references, Language language, ActTitleIndex? titles)
{
    public List<DraftingFinding> Check(
        ParsedDraft draft,
        string text,
        IReadOnlyList<Consolidation> acts,
        IReadOnlyList<AmendmentInstruction> applied,
        IReadOnlyDictionary<string, EditionText?> editions,
        ParsedDraft? twin)
    {
        var findings = new List<DraftingFinding>();
        foreach (var failed in acts.SelectMany(a => a.Failed))
        {
            var target = draft.Instructions.FirstOrDefault(i => i.Line == failed.Line)?.Operation.Target.Norm?.ToString();
            var rule = FailureReasons.KindOf(failed.Reason) switch
            {
                FailureReasons.NotFound => "nonexistent-target",
                FailureReasons.WordsAbsent => "words-absent",
                FailureReasons.Ambiguous when failed.Reason.Contains("already has", StringComparison.Ordinal) => "inserted-number",
                FailureReasons.Ambiguous => "ambiguous-target",
                _ => "unreadable-instruction",
            };
            findings.Add(new DraftingFinding(rule, failed.Line, $"{failed.Reason} («{failed.Instruction}»)", target is null ? [] : [target]));
        }

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instruction in applied)
        {
            var operation = instruction.Operation;
            if (editions.GetValueOrDefault(operation.Target.ActId) is not { } edition || operation.Target.Norm is not { } target)
            {
                continue;
            }

            // A new redaction of an excluded norm brings it back, which drafts do; any other instruction on it has nothing to act on.
            if (operation.Kind is not (OperationKind.Replace or OperationKind.Insert) && Find(edition, target) is { Status: NormStatus.Excluded } excluded)
            {
                findings.Add(new DraftingFinding("repealed-target", instruction.Line, $"{target} is already excluded in edition {edition.Edition}: the instruction acts on a norm that is no longer there", [excluded.Id.ToString()]));
            }

            if (operation.Kind == OperationKind.Insert)
            {
                var unit = operation.Unit!;
                var added = inserted.Where(k => k.StartsWith($"{target}|{unit.Kind}|", StringComparison.Ordinal)).Select(k => k[(k.LastIndexOf('|') + 1)..]);
                if (InsertedNumberProblem(edition, target, unit, added) is { } problem)
                {
                    findings.Add(new DraftingFinding("inserted-number", instruction.Line, problem, [target.ToString()]));
                }

                inserted.Add($"{target}|{unit.Kind}|{unit.Number}");
                foreach (var number in AddedNumbers(operation))
                {
                    inserted.Add($"{target}|{unit.Kind}|{number}");
                }
            }

            foreach (var (act, reference) in ActsNamed(operation))
            {
                if (references.StatusOf(act) is ActStatus.Repealed or ActStatus.Expired)
                {
                    findings.Add(new DraftingFinding("act-not-in-force", instruction.Line, $"the new text refers to {act} («{reference}»), which is not in force", [target.ToString()]));
                }
            }
        }

        if (!HasEntryIntoForce(text))
        {
            findings.Add(new DraftingFinding("entry-into-force", null, "the draft has no article on its entry into force («Настоящий Закон вводится в действие…» / «…қолданысқа енгізіледі»)", []));
        }

        if (twin is not null)
        {
            findings.AddRange(Mismatches(draft, twin));
        }

        return [.. findings.OrderBy(f => f.Line ?? int.MaxValue).ThenBy(f => f.Rule, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The draft's last article says when it enters into force; the amended norms quoted above it may say so of
    /// themselves, which does not count. A draft of one article has none.
    /// </summary>
    private static bool HasEntryIntoForce(string text)
    {
        var articles = DraftArticle().Matches(text);
        return articles.Count > 1 && EntryIntoForce().IsMatch(text, articles[^1].Index);
    }

    private static Norm? Find(EditionText edition, NormId id) =>
        edition.Norms.SelectMany(n => n.SelfAndDescendants()).FirstOrDefault(n => n.Id == id);

    /// <summary>
    /// A unit added among existing ones takes the number of the one before it with «-1» («статья 22-1», «пункт 3-1»),
    /// so «22-2» needs a «22-1» and «22-1» needs a «22»; a plain number past the last leaves no gap. The units the draft
    /// adds before count. A number the edition holds already is reported by the consolidation; a plain number inside
    /// the range fills the place of a unit dropped before and is not reported.
    /// </summary>
    private static string? InsertedNumberProblem(EditionText edition, NormId parent, NewUnit unit, IEnumerable<string> addedBefore)
    {
        if (Siblings(edition, parent, unit.Kind) is not { } existing)
        {
            return null;
        }

        var siblings = existing.Concat(addedBefore).ToHashSet(StringComparer.Ordinal);
        if (siblings.Count == 0 || siblings.Contains(unit.Number))
        {
            return null;
        }

        var dash = unit.Number.LastIndexOf('-');
        if (dash > 0)
        {
            var before = unit.Number[..dash];
            var ordinal = int.Parse(unit.Number[(dash + 1)..], CultureInfo.InvariantCulture);
            var previous = ordinal == 1 ? before : $"{before}-{ordinal - 1}";
            return siblings.Contains(previous) ? null : $"{Name(unit.Kind)} {unit.Number} is added, but {previous} before it is neither in edition {edition.Edition} nor added by the draft";
        }

        var last = siblings.Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Max();
        var number = int.Parse(unit.Number, CultureInfo.InvariantCulture);
        return number <= last + 1 ? null : $"{Name(unit.Kind)} {unit.Number} is added, but the last one is {last}: the numbering leaves a gap";
    }

    /// <summary>The numbers the added text gives its units («дополнить пунктами 3 и 4»: «3.», «4.»).</summary>
    private static IEnumerable<string> AddedNumbers(AmendmentOperation operation) =>
        (operation.Content ?? []).Select(line => AddedUnitNumber().Match(line)).Where(m => m.Success).Select(m => m.Groups["n"].Value);

    private static List<string>? Siblings(EditionText edition, NormId parent, UnitKind kind)
    {
        if (kind == UnitKind.Article)
        {
            return [.. edition.Norms.Where(n => n.Kind == NormKind.Article).Select(n => n.Number)];
        }

        var kindOfNorm = kind switch { UnitKind.Point => NormKind.Point, UnitKind.Subpoint => NormKind.Subpoint, _ => (NormKind?)null };
        return kindOfNorm is null || Find(edition, parent) is not { } norm ? null : [.. norm.Parts.Where(p => p.Kind == kindOfNorm).Select(p => p.Number)];
    }

    private static string Name(UnitKind kind) => kind switch
    {
        UnitKind.Article => "article",
        UnitKind.Point => "point",
        UnitKind.Subpoint => "subpoint",
        _ => "unit",
    };

    /// <summary>Acts other than the amended one that the instruction's new words name.</summary>
    private IEnumerable<(string Act, string Reference)> ActsNamed(AmendmentOperation operation)
    {
        var written = string.Join("\n", [.. operation.Content ?? [], operation.NewWords ?? string.Empty]);
        if (written.Length == 0)
        {
            yield break;
        }

        foreach (var reference in CrossReferences.Find(written, operation.Target.ActId, language, titles: titles).DistinctBy(r => r.TargetActId))
        {
            if (reference.TargetActId is { } act && act != operation.Target.ActId)
            {
                yield return (act, reference.Text);
            }
        }
    }

    /// <summary>Operations one language version makes and the other does not, on the same norms.</summary>
    private static IEnumerable<DraftingFinding> Mismatches(ParsedDraft draft, ParsedDraft twin)
    {
        static string Key(AmendmentOperation o) => $"{o.Kind} {o.Target}{(o.Unit is null ? string.Empty : $" + {o.Unit.Kind} {o.Unit.Number}")}";

        var here = draft.Instructions.GroupBy(i => Key(i.Operation)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var there = twin.Instructions.GroupBy(i => Key(i.Operation)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (key, instructions) in here)
        {
            var count = there.GetValueOrDefault(key)?.Count ?? 0;
            if (count < instructions.Count)
            {
                var instruction = instructions[count];
                yield return new DraftingFinding("language-mismatch", instruction.Line,
                    $"the {draft.Language.ToCode()} text makes {key} (line {instruction.Line}); the {twin.Language.ToCode()} text does not", Norms(instruction.Operation));
            }
        }

        foreach (var (key, instructions) in there)
        {
            var count = here.GetValueOrDefault(key)?.Count ?? 0;
            if (count < instructions.Count)
            {
                var instruction = instructions[count];
                yield return new DraftingFinding("language-mismatch", null,
                    $"the {twin.Language.ToCode()} text makes {key} (its line {instruction.Line}); the {draft.Language.ToCode()} text does not", Norms(instruction.Operation));
            }
        }
    }

    private static List<string> Norms(AmendmentOperation operation) => operation.Target.Norm is { } norm ? [norm.ToString()] : [operation.Target.ActId];

    [GeneratedRegex(@"^\s*(?:статья\s+)?(?<n>\d+(?:-\d+)*)(?:[.)]|-бап\.)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AddedUnitNumber();

    [GeneratedRegex(@"^[ \t]*(?:Статья\s+\d+\.|\d+-бап\.)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DraftArticle();

    [GeneratedRegex(@"вводится\s+в\s+действие|вступает\s+в\s+силу|қолданысқа\s+енгізіледі|күшіне\s+енеді", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EntryIntoForce();
}
