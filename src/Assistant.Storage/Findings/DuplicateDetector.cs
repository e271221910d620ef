using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Forecasts;

namespace Assistant.Storage.Findings;

/// <summary>
/// Norms of one act that repeat a norm of another act near-verbatim: candidate pairs whose word-shingle Jaccard,
/// computed exactly on both texts, reaches <see cref="Threshold"/> and whose deadlines, amounts, ages, bodies and
/// modalities agree (where they differ, the pair is the conflict detector's). A pair of acts with many such norms
/// reproduces one act by design (<see cref="NormPair.ByDesign"/>): its findings say so and score half.
/// </summary>
public sealed class DuplicateDetector(NormPairs pairs, FindingCorpus corpus) : IFindingDetector
{
    /// <summary>Shingle Jaccard from which a norm repeats another.</summary>
    public const double Threshold = 0.8;

    /// <summary>MinHash estimates err by about ±0.1 at 60 positions: pairs estimated this close are verified exactly.</summary>
    private const double EstimateSlack = 0.12;

    private const int DifferingWords = 6;

    public FindingKind Kind => FindingKind.Duplicate;

    public Task PrepareAsync(CancellationToken cancellationToken) => pairs.PrepareAsync(cancellationToken);

    public async IAsyncEnumerable<Finding> DetectAsync(string actId, Language language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var candidates = pairs.Of(actId, language).Where(p => p.Estimate >= Threshold - EstimateSlack).ToList();
        var texts = corpus.Texts(candidates.SelectMany(p => new[] { p.Norm.Key, p.Other.Key }));

        // A norm stands in many pairs: its words and shingles are computed once, on every core; its values only when a
        // pair it is in reaches the threshold.
        var words = new ConcurrentDictionary<long, (List<string> Words, HashSet<ulong> Shingles)>();
        Parallel.ForEach(texts, new ParallelOptions { CancellationToken = cancellationToken }, text =>
        {
            var list = Shingles.Words(text.Value);
            words[text.Key] = (list, Shingles.Of(list));
        });
        var values = new ConcurrentDictionary<long, HashSet<string>>();
        HashSet<string> ValuesOf(long key) => values.GetOrAdd(key, k => NormValues.In(texts[k]).Select(v => v.Normalized).ToHashSet(StringComparer.Ordinal));
        var verified = new (double Similarity, bool Same)[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var pair = candidates[i];
            if (words.TryGetValue(pair.Norm.Key, out var mine) && words.TryGetValue(pair.Other.Key, out var theirs))
            {
                var similarity = Shingles.Jaccard(mine.Shingles, theirs.Shingles);
                verified[i] = (similarity, similarity >= Threshold && ValuesOf(pair.Norm.Key).SetEquals(ValuesOf(pair.Other.Key)));
            }
        });

        for (var i = 0; i < candidates.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (pair, (similarity, same)) = (candidates[i], verified[i]);
            if (!same)
            {
                continue;
            }

            var (text, otherText) = (texts[pair.Norm.Key], texts[pair.Other.Key]);
            var inbound = pairs.Inbound.To(pair.Norm.Id, language);
            var reliedOn = inbound + pairs.Inbound.To(pair.Other.Id, language);
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"Норма повторяет {pair.Other.Id} («{pair.Other.Act.Title}»): доля общих трёхсловных шинглов (Jaccard) {similarity:0.00} ≥ {Threshold:0.00}, значения сроков, сумм, возрастов, органов и модальности совпадают.");
            if (pair.ByDesign)
            {
                reason += string.Create(CultureInfo.InvariantCulture, $" Акт повторяет не менее {NormPairs.ByDesignPairs} норм этого акта: вероятно, воспроизводит его намеренно; оценка снижена вдвое.");
            }

            yield return new Finding(
                FindingIds.Of(FindingKind.Duplicate, pair.Norm.Id, pair.Other.Id, language.ToCode()),
                FindingKind.Duplicate,
                language,
                pair.Norm.Id,
                pair.Other.Id,
                FindingTexts.Excerpt(text),
                FindingTexts.Excerpt(otherText),
                (pair.ByDesign ? "воспроизведение по замыслу; " : string.Empty) + Difference(words[pair.Norm.Key].Words, words[pair.Other.Key].Words),
                reason,
                Math.Round(pair.ByDesign ? similarity / 2 : similarity, 3),
                FindingPriorityRule.Of(pair.Norm.Act.Kind, pair.Other.Act.Kind, reliedOn, discounted: pair.ByDesign),
                inbound);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The words one text has and the other lacks, a few of each, or that there are none.</summary>
    private static string Difference(List<string> words, List<string> otherWords)
    {
        var mine = words.Except(otherWords, StringComparer.Ordinal).Take(DifferingWords).ToList();
        var theirs = otherWords.Except(words, StringComparer.Ordinal).Take(DifferingWords).ToList();
        return mine.Count == 0 && theirs.Count == 0
            ? "тексты совпадают дословно"
            : $"только здесь: «{string.Join(' ', mine)}»; только там: «{string.Join(' ', theirs)}»";
    }
}
