using System.Diagnostics;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Forecasts;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Findings;

/// <summary>Two top-level norms of different acts in one language whose MinHash signatures agree on at least one LSH band.</summary>
/// <param name="Norm">The norm of the act that reports the pair: the lower act, or the later one of the same level.</param>
/// <param name="Estimate">The signatures' agreement: an estimate of the two texts' shingle Jaccard.</param>
/// <param name="ByDesign">
/// The reporting act repeats many norms of the other act (a code reproduced on purpose, not an oversight), or both are
/// local decisions (<see cref="NormPairs.BothLocal"/>).
/// </param>
public sealed record NormPair(PairedNorm Norm, PairedNorm Other, double Estimate, bool ByDesign);

public sealed record PairedNorm(long Key, string Id, AnalysedAct Act);

/// <summary>
/// The candidate pairs of the whole catalog, built once per catalog generation and shared by the duplicate and the
/// conflict detector: every top-level norm of an analysed act gets a MinHash signature of its word shingles
/// (<see cref="MinHash"/>), and norms whose signatures share a band are paired when they lie in different acts of one
/// language. Editions and language versions of one act share its id (the catalog's edition identity), so one act never
/// pairs with itself. Formulas every act has (entry into force, repeal) and very short norms get no signature, nor do
/// amending acts.
/// </summary>
public sealed partial class NormPairs(FindingCorpus corpus, ILogger<NormPairs> logger)
{
    /// <summary>Estimated Jaccard from which a pair is kept for the detectors to verify.</summary>
    public const double CandidateSimilarity = 0.3;

    /// <summary>Norms with fewer words say too little to be a duplicated or conflicting rule.</summary>
    public const int MinWords = 12;

    /// <summary>Pairs from which one act is taken to reproduce another by design (a code's norms restated in a law on its application).</summary>
    public const int ByDesignPairs = 5;

    /// <summary>
    /// A band bucket with more norms than this holds a template every act of a kind repeats (the maslikhats' standard
    /// decisions): pairing all of them would be quadratic and tell an expert nothing.
    /// </summary>
    private const int MaxBucket = 48;

    /// <summary>A formula's text is only a formula while short: a long article on entry into force has rules of its own.</summary>
    private const int FormulaWords = 60;

    private const int Batch = 4_096;

    private readonly Lock _gate = new();
    private Prepared? _prepared;

    public InboundReferences Inbound => (_prepared ?? throw NotPrepared()).Inbound;

    public bool IsPrepared => _prepared is not null;

    public int Norms => _prepared?.Norms ?? 0;

    public int Count => _prepared?.Count ?? 0;

    /// <summary>Builds the signatures and pairs, unless they are built for the catalog's generation already.</summary>
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        var generation = corpus.Generation();
        lock (_gate)
        {
            if (_prepared is { } known && known.Generation == generation)
            {
                return Task.CompletedTask;
            }
        }

        var prepared = Build(generation, cancellationToken);
        lock (_gate)
        {
            _prepared = prepared;
        }

        return Task.CompletedTask;
    }

    /// <summary>The pairs the act's edition in the language reports, best estimate first.</summary>
    public IReadOnlyList<NormPair> Of(string actId, Language language) =>
        (_prepared ?? throw NotPrepared()).ByAct.GetValueOrDefault((actId, language)) ?? [];

    /// <summary>The acts paired with the act in the language, whichever side reports: what an edit of the act may change the findings of.</summary>
    public IReadOnlySet<string> PartnersOf(string actId, Language language) =>
        (_prepared ?? throw NotPrepared()).Partners.GetValueOrDefault((actId, language)) ?? (IReadOnlySet<string>)new HashSet<string>();

    /// <summary>Whether the text is a formula that every act carries and nobody would call a duplicate: entry into force, repeal.</summary>
    public static bool IsFormula(string text, int words) => words < MinWords || (words < FormulaWords && Formula().IsMatch(text));

    private static InvalidOperationException NotPrepared() => new("The candidate pairs are not prepared: call PrepareAsync first.");

    private Prepared Build(long generation, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // An amending act's norms are instructions quoting the new wording of another act's: its copies are by nature.
        var acts = corpus.Acts().Where(a => !Amending().IsMatch(a.Title)).ToDictionary(a => (a.Id, a.Language));
        var keys = new List<long>();
        var ids = new List<string>();
        var owners = new List<AnalysedAct>();
        var signatures = new List<uint[]>();
        var batch = new List<AnalysedNorm>(Batch);
        foreach (var norm in corpus.Norms(cancellationToken))
        {
            batch.Add(norm);
            if (batch.Count == Batch)
            {
                Sign(batch, acts, keys, ids, owners, signatures);
                batch.Clear();
            }
        }

        Sign(batch, acts, keys, ids, owners, signatures);
        var signed = Stopwatch.GetElapsedTime(started);
        var pairs = Pair(signatures, owners, cancellationToken);
        var byDesign = pairs.Where(p => p.Estimate >= DuplicateDetector.Threshold).CountBy(p => (owners[p.Norm], owners[p.Other]))
            .Where(c => c.Value >= ByDesignPairs).Select(c => c.Key).ToHashSet();
        var byAct = new Dictionary<(string, Language), List<NormPair>>();
        var partners = new Dictionary<(string, Language), HashSet<string>>();
        foreach (var (norm, other, estimate) in pairs)
        {
            var act = owners[norm];
            var otherAct = owners[other];
            var pair = new NormPair(new PairedNorm(keys[norm], ids[norm], act), new PairedNorm(keys[other], ids[other], otherAct), estimate, byDesign.Contains((act, otherAct)) || BothLocal(act, otherAct));
            Add(byAct, (act.Id, act.Language), pair);
            Add(partners, (act.Id, act.Language), otherAct.Id);
            Add(partners, (otherAct.Id, act.Language), act.Id);
        }

        foreach (var list in byAct.Values)
        {
            list.Sort((a, b) => b.Estimate.CompareTo(a.Estimate));
        }

        var inbound = InboundReferences.Read(corpus);
        FindingLog.Paired(logger, signatures.Count, pairs.Count, byDesign.Count, signed.TotalSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new Prepared(
            generation,
            signatures.Count,
            pairs.Count,
            byAct.ToDictionary(p => p.Key, p => (IReadOnlyList<NormPair>)p.Value),
            partners.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value),
            inbound);
    }

    private static void Add(Dictionary<(string, Language), List<NormPair>> map, (string, Language) key, NormPair value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static void Add(Dictionary<(string, Language), HashSet<string>> map, (string, Language) key, string value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(value);
    }

    /// <summary>Signs a batch on every core; the reading stays on the one connection.</summary>
    private static void Sign(List<AnalysedNorm> batch, Dictionary<(string, Language), AnalysedAct> acts, List<long> keys, List<string> ids, List<AnalysedAct> owners, List<uint[]> signatures)
    {
        var signed = new uint[]?[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            var words = Shingles.Words(batch[i].Text);
            if (IsFormula(batch[i].Text, words.Count))
            {
                return;
            }

            var signature = new uint[MinHash.Length];
            MinHash.Sign(Shingles.Of(words), signature);
            signed[i] = signature;
        });
        for (var i = 0; i < batch.Count; i++)
        {
            if (signed[i] is { } signature && acts.TryGetValue((batch[i].ActId, batch[i].Language), out var act))
            {
                keys.Add(batch[i].Key);
                ids.Add(batch[i].Id);
                owners.Add(act);
                signatures.Add(signature);
            }
        }
    }

    /// <summary>Band by band, norms sorted by the band's key; each run of equal keys is a bucket whose members pair up.</summary>
    private static List<(int Norm, int Other, double Estimate)> Pair(List<uint[]> signatures, List<AnalysedAct> owners, CancellationToken cancellationToken)
    {
        var count = signatures.Count;
        var seen = new HashSet<long>();
        var pairs = new List<(int, int, double)>();
        var bandKeys = new ulong[count];
        var order = new int[count];
        for (var band = 0; band < MinHash.Bands; band++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < count; i++)
            {
                bandKeys[i] = MinHash.BandKey(signatures[i], band);
                order[i] = i;
            }

            Array.Sort(bandKeys, order);
            var start = 0;
            for (var end = 1; end <= count; end++)
            {
                if (end < count && bandKeys[end] == bandKeys[start])
                {
                    continue;
                }

                if (end - start is > 1 and <= MaxBucket)
                {
                    for (var i = start; i < end; i++)
                    {
                        for (var j = i + 1; j < end; j++)
                        {
                            var (a, b) = (Math.Min(order[i], order[j]), Math.Max(order[i], order[j]));
                            if (owners[a].Id == owners[b].Id || owners[a].Language != owners[b].Language || !seen.Add(((long)a * count) + b))
                            {
                                continue;
                            }

                            var estimate = MinHash.Similarity(signatures[a], signatures[b]);
                            if (estimate >= CandidateSimilarity)
                            {
                                pairs.Add(Reports(owners[a], owners[b]) ? (a, b, estimate) : (b, a, estimate));
                            }
                        }
                    }
                }

                start = end;
            }
        }

        return pairs;
    }

    /// <summary>
    /// Two decisions of local bodies (maslikhats, akims): each governs its own territory, so one region's standard
    /// decision repeated by another is a template, and their differing amounts are no conflict.
    /// </summary>
    public static bool BothLocal(AnalysedAct act, AnalysedAct other) => act.Kind == ActKind.Decision && other.Kind == ActKind.Decision;

    /// <summary>Whether the first act reports the pair: it stands lower in the hierarchy, or at the same level it is the later one.</summary>
    internal static bool Reports(AnalysedAct act, AnalysedAct other)
    {
        var (rank, otherRank) = (ActHierarchy.Rank(act.Kind) ?? int.MaxValue, ActHierarchy.Rank(other.Kind) ?? int.MaxValue);
        if (rank != otherRank)
        {
            return rank > otherRank;
        }

        var (adopted, otherAdopted) = (act.AdoptedOn ?? DateOnly.MinValue, other.AdoptedOn ?? DateOnly.MinValue);
        return adopted != otherAdopted ? adopted > otherAdopted : string.CompareOrdinal(act.Id, other.Id) > 0;
    }

    /// <summary>«О внесении изменений (и дополнений) в …», «… өзгерістер (мен толықтырулар) енгізу туралы».</summary>
    [GeneratedRegex(@"внесении\s+изменени|внесении\s+дополнени|өзгеріс\w*\s+(?:мен\s+толықтыру\w*\s+)?енгізу|толықтыру\w*\s+енгізу", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amending();

    /// <summary>Entry into force, repeal and their Kazakh forms: the formulas of the issue.</summary>
    [GeneratedRegex(@"вводится\s+в\s+действие|вступа\w+\s+в\s+силу|утрати\w+\s+силу|қолданысқа\s+енгізіл|күші\s+жойыл|күшіне\s+ен|исключен", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Formula();

    private sealed record Prepared(
        long Generation,
        int Norms,
        int Count,
        Dictionary<(string, Language), IReadOnlyList<NormPair>> ByAct,
        Dictionary<(string, Language), IReadOnlySet<string>> Partners,
        InboundReferences Inbound);
}
