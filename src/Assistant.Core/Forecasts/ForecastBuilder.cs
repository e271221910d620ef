using Assistant.Core.Acts;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;
using Assistant.Core.Norms;

namespace Assistant.Core.Forecasts;

/// <summary>
/// Builds the deterministic forecast of a draft: applies it to the editions it amends, lists what it touches, follows
/// the reference graph to the norms that depend on that, and checks the drafting rules. No model takes part: the
/// consequences by area are <see cref="ForecastNarrator"/>'s.
/// </summary>
/// <param name="titles">The catalog's acts by title, so that the new text's references to acts by their title are checked too.</param>
/// <param name="bylaws">The bylaws in force, so that each delegation names those that may already serve it.</param>
/// <param name="neighbours">The closest norms of other acts, for possible conflicts and duplication; none: the forecast has no conflicts.</param>
public sealed class ForecastBuilder(IEditionSource editions, IReferenceGraph references, ActTitleIndex? titles = null, Bylaws? bylaws = null, INormNeighbours? neighbours = null)
{
    /// <summary>Bylaws named per delegation by the title match, after those that refer to its norm.</summary>
    private const int TitleMatches = 3;

    /// <summary>The forecast with, when the builder has neighbours, the possible conflicts of the new and changed norms with other acts.</summary>
    /// <inheritdoc cref="Build"/>
    public async Task<Forecast> BuildAsync(
        ParsedDraft draft,
        string text,
        string? edition,
        Language? editionLanguage,
        ParsedDraft? twin,
        IProgress<ForecastStage>? progress,
        CancellationToken cancellationToken)
    {
        var forecast = Build(draft, text, edition, editionLanguage, twin, progress, cancellationToken);
        if (neighbours is null)
        {
            return forecast;
        }

        progress?.Report(ForecastStage.Conflicts);
        var conflicts = await new ConflictFinder(neighbours).FindAsync(forecast.Affected, forecast.Acts, editionLanguage ?? draft.Language, cancellationToken).ConfigureAwait(false);
        return forecast with { Conflicts = conflicts };
    }

    /// <summary>The forecast without possible conflicts, which need the neighbours' search: <see cref="BuildAsync"/> adds them.</summary>
    /// <param name="text">The draft as given, for the rules that read it whole (an entry-into-force article).</param>
    /// <param name="edition">The edition to apply the draft to; the current one by default.</param>
    /// <param name="twin">The draft's other language version, when given: both must make the same operations.</param>
    /// <param name="progress">Told each step as it begins.</param>
    public Forecast Build(
        ParsedDraft draft,
        string text,
        string? edition = null,
        Language? editionLanguage = null,
        ParsedDraft? twin = null,
        IProgress<ForecastStage>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(text);
        var language = editionLanguage ?? draft.Language;

        progress?.Report(ForecastStage.Applying);

        // Each amended edition is read once: the consolidation, the drafting rules and the terms all look at it.
        var texts = draft.TargetActs.Distinct(StringComparer.Ordinal).ToDictionary(act => act, act => editions.Read(act, language, edition), StringComparer.Ordinal);
        var acts = new DraftConsolidator(new EditionsRead(texts, language, edition, editions)).Apply(draft, edition, language);
        var failedLines = acts.SelectMany(a => a.Failed).Select(f => f.Line).ToHashSet();
        var applied = draft.Instructions.Where(i => !failedLines.Contains(i.Line)).ToList();
        var affected = Affected(applied);
        Next(ForecastStage.Dependents);
        var dependents = Dependents(affected, language);
        var repealed = affected.Where(a => a.Change == AffectedChange.Repealed).Select(a => NormId.Parse(a.Id)).ToList();
        var broken = dependents.Where(d => repealed.Any(r => NormId.Parse(d.Target).IsWithin(r))).ToList();
        Next(ForecastStage.DraftingRules);
        var findings = new DraftingRules(references, language, titles).Check(draft, text, acts, applied, texts, twin);
        Next(ForecastStage.FollowUps);
        var followUps = Delegations.Find(applied, draft.Language).Select(f => f with { Existing = Existing(f, language) }).ToList();
        Next(ForecastStage.Terms);
        var terms = ChangedTerms.Find(affected, acts, texts, language);
        return new Forecast(draft.Title, draft.Language, acts, affected, [.. dependents.Except(broken)], broken, terms, findings, followUps, [], ForecastNarrative.Absent(ForecastNarrative.NoModel));

        void Next(ForecastStage stage)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(stage);
        }
    }

    /// <summary>Bylaws in force that refer to the delegating norm's article (they implement it), then those whose title fits the delegation.</summary>
    private List<BylawMatch> Existing(FollowUpAct followUp, Language language)
    {
        if (bylaws is null)
        {
            return [];
        }

        var found = new List<BylawMatch>();
        if (NormId.TryParse(followUp.Norm, out var norm) && norm.Article is not null)
        {
            foreach (var reference in references.ReferencesTo([new NormId(norm.ActId, norm.Article)], language))
            {
                if (bylaws.Get(reference.From.ActId) is { } bylaw && found.TrueForAll(m => m.ActId != bylaw.Id))
                {
                    found.Add(new BylawMatch(bylaw.Id, bylaw.Title, "refers", 1));
                }
            }
        }

        found.AddRange(bylaws.ByTitle(followUp.Sentence, followUp.Body, TitleMatches).Where(m => found.TrueForAll(f => f.ActId != m.ActId)));
        return found;
    }

    /// <summary>The norms the applied instructions name, grouped: a unit an insertion adds is its own, added norm.</summary>
    internal static List<AffectedNorm> Affected(IEnumerable<AmendmentInstruction> instructions)
    {
        var found = new Dictionary<string, (AffectedChange Change, SortedSet<int> Lines)>(StringComparer.Ordinal);
        foreach (var instruction in instructions)
        {
            var operation = instruction.Operation;
            if (AddedNorm(operation) is { } added)
            {
                Add(added, AffectedChange.Added, instruction.Line);
                continue;
            }

            if (operation.Target.Norm is not { } target)
            {
                continue;
            }

            var (id, change) = operation.Kind switch
            {
                OperationKind.Exclude or OperationKind.Repeal when operation.Target.Element == TargetElement.Whole => (target, AffectedChange.Repealed),
                _ => (target, AffectedChange.Changed),
            };
            Add(id, change, instruction.Line);
        }

        return [.. found.Select(f => new AffectedNorm(f.Key, f.Value.Change, [.. f.Value.Lines])).OrderBy(a => a.Id, StringComparer.Ordinal)];

        void Add(NormId id, AffectedChange change, int line)
        {
            var key = id.ToString();
            if (!found.TryGetValue(key, out var entry))
            {
                entry = (change, []);
                found[key] = entry;
            }

            entry.Lines.Add(line);
            if (change != entry.Change && entry.Change == AffectedChange.Changed)
            {
                found[key] = (change, entry.Lines);
            }
        }
    }

    /// <summary>The unit an insertion adds, named as its own norm: an article inserted into the act, a point into an article, a subpoint into a point.</summary>
    internal static NormId? AddedNorm(AmendmentOperation operation)
    {
        if (operation.Kind != OperationKind.Insert || operation.Unit is not { } unit)
        {
            return null;
        }

        if (unit.Kind == UnitKind.Article)
        {
            return new NormId(operation.Target.ActId, unit.Number);
        }

        if (operation.Target.Norm is not { } parent)
        {
            return null;
        }

        return unit.Kind switch
        {
            UnitKind.Point when parent.Point is null => new NormId(parent.ActId, parent.Article, unit.Number),
            UnitKind.Subpoint when parent.Point is not null => new NormId(parent.ActId, parent.Article, parent.Point, unit.Number),
            _ => null,
        };
    }

    /// <summary>
    /// The references in force to each affected norm, to a part of it, or to the article or point it belongs to; where
    /// an article and its point hold the same reference, the point is named.
    /// </summary>
    private List<DependentNorm> Dependents(List<AffectedNorm> affected, Language language)
    {
        var ids = affected.Select(a => NormId.Parse(a.Id)).ToList();
        var found = references.ReferencesTo(ids, language);
        var dependents = new List<DependentNorm>();
        foreach (var reference in found)
        {
            // The affected norm closest to what the reference names: the norm itself, else the narrowest related one.
            var related = ids.Where(id => reference.Target.IsWithin(id) || id.IsWithin(reference.Target))
                .OrderBy(id => id == reference.Target ? 0 : 1).ThenByDescending(id => id.ToString().Length).ToList();
            if (related.Count == 0)
            {
                continue;
            }

            dependents.Add(new DependentNorm(
                reference.From.ToString(),
                reference.ActTitle,
                reference.Reference,
                reference.Target.ToString(),
                related[0].ToString(),
                Sentences.Around(reference.Text, reference.Reference)));
        }

        return [.. dependents
            .Where(d => !dependents.Any(other => other.From.Length > d.From.Length && other.From.StartsWith(d.From + "/", StringComparison.Ordinal)
                && other.Reference == d.Reference && other.Target == d.Target))
            .Distinct()
            .OrderBy(d => d.Affected, StringComparer.Ordinal).ThenBy(d => d.From, StringComparer.Ordinal)];
    }

    /// <summary>The editions a forecast has read, served again to the consolidation; any other is read from the source.</summary>
    private sealed class EditionsRead(IReadOnlyDictionary<string, EditionText?> read, Language readLanguage, string? readEdition, IEditionSource source) : IEditionSource
    {
        public EditionText? Read(string actId, Language language, string? edition = null) =>
            language == readLanguage && edition == readEdition && read.TryGetValue(actId, out var text) ? text : source.Read(actId, language, edition);
    }
}
