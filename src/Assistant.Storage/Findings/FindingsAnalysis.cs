using System.Diagnostics;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Findings;

/// <summary>What to analyse: one act (all its language versions) instead of what changed, everything again, some kinds only.</summary>
public sealed record FindingsScope(string? ActId = null, IReadOnlySet<FindingKind>? Kinds = null, bool Everything = false);

/// <summary>How far a run is: act editions done of those planned, over all kinds.</summary>
public sealed record FindingsProgress(int Done, int Planned, FindingKind Kind, string ActId);

/// <summary>What a run did.</summary>
/// <param name="Planned">Act editions (per kind) the run analysed.</param>
/// <param name="Resumed">Of them, left over by a run that stopped.</param>
public sealed record FindingsRun(int Planned, int Resumed, int Added, int Kept, int Gone, TimeSpan Elapsed);

/// <summary>
/// Runs the detectors act by act over the current editions the analysis covers and puts what each finds in the store
/// per (kind, act, language). Per kind it re-analyses only the act editions whose text changed since it last analysed
/// them, plus the acts their findings involve: the acts paired with a changed act (a norm of theirs near one of its
/// norms), those whose stored findings name it, and those that refer to it. The plan is written before the first act,
/// so a killed run resumes where it stopped instead of redoing what it finished.
/// </summary>
public sealed class FindingsAnalysis(
    IReadOnlyList<IFindingDetector> detectors,
    IFindingStore store,
    FindingRunLog log,
    FindingCorpus corpus,
    NormPairs? pairs,
    ILogger<FindingsAnalysis> logger)
{
    private const int StoredFindingsPerAct = 100_000;

    public async Task<FindingsRun> RunAsync(FindingsScope scope, IProgress<FindingsProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var started = Stopwatch.GetTimestamp();
        var chosen = detectors.Where(d => scope.Kinds is null || scope.Kinds.Contains(d.Kind)).ToList();
        var acts = corpus.Acts().ToDictionary(a => (a.Id, a.Language));
        if (scope.ActId is { } only && !acts.Keys.Any(k => k.Id == only))
        {
            throw new KeyNotFoundException($"The catalog has no current edition in force of act '{only}'.");
        }

        var plans = new List<(IFindingDetector Detector, Plan Plan)>();
        foreach (var detector in chosen)
        {
            plans.Add((detector, await PlanAsync(detector.Kind, acts, scope, cancellationToken).ConfigureAwait(false)));
        }

        if (plans.All(p => p.Plan.IsEmpty))
        {
            return new FindingsRun(0, 0, 0, 0, 0, Stopwatch.GetElapsedTime(started));
        }

        foreach (var detector in chosen)
        {
            await detector.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }

        var references = InboundReferences.Read(corpus);
        var generation = corpus.Generation();
        var work = new List<(IFindingDetector Detector, List<(string ActId, Language Language)> Acts, int Resumed)>();
        foreach (var (detector, plan) in plans)
        {
            var touched = scope.ActId is null ? await TouchedAsync(plan, references, acts, generation, cancellationToken).ConfigureAwait(false) : [];
            var all = plan.Resumed.Concat(plan.Changed).Concat(touched).Distinct().OrderBy(a => a.Item1, StringComparer.Ordinal).ThenBy(a => a.Item2).ToList();
            await log.PlanAsync(detector.Kind, all, cancellationToken).ConfigureAwait(false);
            foreach (var (id, language) in plan.Removed)
            {
                await store.ReplaceAsync(detector.Kind, id, language, [], cancellationToken).ConfigureAwait(false);
                await log.DoneAsync(detector.Kind, id, language, null, generation, cancellationToken).ConfigureAwait(false);
            }

            work.Add((detector, all, plan.Resumed.Count));
        }

        var total = work.Sum(w => w.Acts.Count);
        FindingLog.Planned(logger, generation, total, string.Join(", ", chosen.Select(d => d.Kind.ToCode())), work.Sum(w => w.Resumed));
        var (done, added, kept, gone) = (0, 0, 0, 0);
        foreach (var (detector, planned, _) in work)
        {
            foreach (var (id, language) in planned)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var findings = new List<Finding>();
                if (acts.ContainsKey((id, language)))
                {
                    await foreach (var finding in detector.DetectAsync(id, language, cancellationToken).ConfigureAwait(false))
                    {
                        findings.Add(finding);
                    }
                }

                var merge = await store.ReplaceAsync(detector.Kind, id, language, findings, cancellationToken).ConfigureAwait(false);
                await log.DoneAsync(detector.Kind, id, language, acts.GetValueOrDefault((id, language))?.Digest, generation, cancellationToken).ConfigureAwait(false);
                FindingLog.Analysed(logger, detector.Kind, id, language, merge.Added, merge.Kept, merge.Gone);
                (added, kept, gone) = (added + merge.Added, kept + merge.Kept, gone + merge.Gone);
                progress?.Report(new FindingsProgress(++done, total, detector.Kind, id));
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        FindingLog.Finished(logger, done, elapsed.TotalSeconds);
        return new FindingsRun(total, work.Sum(w => w.Resumed), added, kept, gone, elapsed);
    }

    private async Task<Plan> PlanAsync(FindingKind kind, Dictionary<(string, Language), AnalysedAct> acts, FindingsScope scope, CancellationToken cancellationToken)
    {
        var analysed = await log.AnalysedAsync(kind, cancellationToken).ConfigureAwait(false);
        var resumed = await log.PlannedAsync(kind, cancellationToken).ConfigureAwait(false);
        if (scope.ActId is { } only)
        {
            return new Plan([], [.. acts.Keys.Where(k => k.Item1 == only)], [], analysed);
        }

        var changed = acts.Values.Where(a => scope.Everything || !analysed.TryGetValue((a.Id, a.Language), out var last) || last.Digest != a.Digest).Select(a => (a.Id, a.Language)).ToList();
        var removed = analysed.Keys.Where(k => !acts.ContainsKey(k)).ToList();
        var pending = new HashSet<(string, Language)>(changed);
        return new Plan([.. resumed.Where(r => !pending.Contains(r))], changed, removed, analysed);
    }

    /// <summary>The act editions whose findings a change of others may alter, not planned already.</summary>
    /// <remarks>
    /// An act analysed against this generation of the catalog already saw every act in it (a run that was stopped and
    /// resumes): only acts analysed against an older one are touched.
    /// </remarks>
    private async Task<List<(string ActId, Language Language)>> TouchedAsync(
        Plan plan,
        InboundReferences references,
        Dictionary<(string, Language), AnalysedAct> acts,
        long generation,
        CancellationToken cancellationToken)
    {
        var planned = plan.Resumed.Concat(plan.Changed).ToHashSet();
        var stale = plan.Analysed.Where(a => a.Value.Generation < generation && !planned.Contains(a.Key)).Select(a => a.Key).ToHashSet();
        if (stale.Count == 0)
        {
            return [];
        }

        var touched = new HashSet<(string, Language)>();
        foreach (var (id, language) in plan.Changed.Concat(plan.Removed))
        {
            var related = new HashSet<string>(references.ReferrersOf(id), StringComparer.Ordinal);
            if (pairs is not null && pairs.IsPrepared)
            {
                related.UnionWith(pairs.PartnersOf(id, language));
            }

            await foreach (var stored in store.ListAsync(new FindingFilter(ActId: id, Language: language, Limit: StoredFindingsPerAct), cancellationToken).ConfigureAwait(false))
            {
                related.Add(stored.Finding.Norm.Split('/', 2)[0]);
            }

            touched.UnionWith(related.Where(r => r != id).Select(r => (r, language)).Where(k => acts.ContainsKey(k) && stale.Contains(k)));
        }

        return [.. touched];
    }

    /// <param name="Resumed">Left on the plan by a run that stopped, and not changed since.</param>
    /// <param name="Changed">New or with another text since the kind analysed them (or all of them, or the one asked for).</param>
    /// <param name="Removed">Analysed once, no longer a current edition in force: their findings go.</param>
    /// <param name="Analysed">What the kind analysed before: each act edition's digest and the catalog's generation then.</param>
    private sealed record Plan(
        List<(string, Language)> Resumed,
        List<(string, Language)> Changed,
        List<(string, Language)> Removed,
        Dictionary<(string, Language), (string Digest, long Generation)> Analysed)
    {
        public bool IsEmpty => Resumed.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
    }
}
