using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Forecasts;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Findings;

/// <summary>
/// Norms in force on the same subject with incompatible content: over the candidate pairs (norms close in word
/// shingles), <see cref="ConflictFinder.Against"/> compares every sentence that fixes a deadline, amount, age, body or
/// modality with the other norm's closest such sentence, with the thresholds a forecast uses; where the acts stand at
/// different levels of the hierarchy, the finding names the one that prevails. Two local decisions are never compared:
/// each governs its own territory; nor are rules for different years (<see cref="OtherPeriods"/>) or a bylaw's closing
/// formulas (<see cref="Procedural"/>).
/// </summary>
public sealed partial class ConflictDetector(NormPairs pairs, FindingCorpus corpus) : IFindingDetector
{
    /// <summary>
    /// The sentences with values of every norm met in a pair, kept for the run: a code's article pairs with the
    /// bylaws of many acts, and analysing its sentences again for each costs more than keeping them.
    /// </summary>
    private readonly ConcurrentDictionary<long, IReadOnlyList<ConflictFinder.Sentence>> _sentences = new();

    /// <summary>
    /// Longer norms are annexes and tables (lists of tariffs, of posts), thousands of sentences each: comparing two of
    /// them sentence by sentence is quadratic, and their rows are no rules on one subject.
    /// </summary>
    public const int MaxTextLength = 20_000;

    public FindingKind Kind => FindingKind.Conflict;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await pairs.PrepareAsync(cancellationToken).ConfigureAwait(false);
        _sentences.Clear();
    }

    public async IAsyncEnumerable<Finding> DetectAsync(string actId, Language language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var candidates = pairs.Of(actId, language).Where(p => !NormPairs.BothLocal(p.Norm.Act, p.Other.Act)).ToList();
        var texts = corpus.Texts(candidates.SelectMany(p => new[] { p.Norm.Key, p.Other.Key }).Where(k => !_sentences.ContainsKey(k)));
        Parallel.ForEach(texts, new ParallelOptions { CancellationToken = cancellationToken }, text =>
            _sentences[text.Key] = text.Value.Length > MaxTextLength ? [] : [.. ConflictFinder.ValueSentences(text.Value, language).Where(s => !Procedural().IsMatch(s.Text))]);
        var sentences = _sentences;
        var found = new ConcurrentBag<(int Order, Finding Finding)>();
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var pair = candidates[i];
            if (!sentences.TryGetValue(pair.Norm.Key, out var mine) || !sentences.TryGetValue(pair.Other.Key, out var theirs) || mine.Count == 0 || theirs.Count == 0)
            {
                return;
            }

            // The comparison reads the other norm's sentences, not its whole text.
            var other = new NeighbourNorm(StoredNormId.Read(pair.Other.Act.Id, pair.Other.Id), pair.Other.Act.Title, pair.Other.Act.Kind, string.Empty);
            var periods = (Years(pair.Norm.Act.Title), Years(pair.Other.Act.Title));
            foreach (var conflict in ConflictFinder.Against(pair.Norm.Id, mine, theirs, other, pair.Norm.Act.Kind)
                .Where(c => c.Kind == ConflictKind.Conflict && !OtherPeriods(periods.Item1.Union(Years(c.Sentence)), periods.Item2.Union(Years(c.OtherSentence)))))
            {
                found.Add((i, Found(pair, conflict, language)));
            }
        });

        // In the pairs' order, best estimate first, whatever order the cores finished in.
        foreach (var (_, finding) in found.OrderBy(f => f.Order).ThenBy(f => f.Finding.Id, StringComparer.Ordinal))
        {
            yield return finding;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private Finding Found(NormPair pair, PossibleConflict conflict, Language language)
    {
        var inbound = pairs.Inbound.To(pair.Norm.Id, language);
        var reliedOn = inbound + pairs.Inbound.To(pair.Other.Id, language);
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"Предложения об одном предмете (доля общих терминов без значений {conflict.Overlap:0.00} ≥ {ConflictFinder.SameSubject:0.00}) устанавливают разные значения ({ValueName(conflict.Value.Kind)}). {Prevails(pair, conflict.Hierarchy)}");
        return new Finding(
            FindingIds.Of(FindingKind.Conflict, pair.Norm.Id, pair.Other.Id, string.Join('|', language.ToCode(), conflict.Value.Normalized, conflict.OtherValue.Normalized)),
            FindingKind.Conflict,
            language,
            pair.Norm.Id,
            pair.Other.Id,
            FindingTexts.Excerpt(conflict.Sentence),
            FindingTexts.Excerpt(conflict.OtherSentence),
            $"«{conflict.Value.Phrase}» ≠ «{conflict.OtherValue.Phrase}»",
            reason,
            conflict.Overlap,
            FindingPriorityRule.Of(pair.Norm.Act.Kind, pair.Other.Act.Kind, reliedOn),
            inbound);
    }

    /// <summary>
    /// Two rules for different years (the budget for 2020 and the one for 2021, a programme's stages) do not conflict
    /// when their amounts differ: each governs its own period.
    /// </summary>
    private static bool OtherPeriods(IEnumerable<string> years, IEnumerable<string> otherYears)
    {
        var (mine, theirs) = (years.ToHashSet(StringComparer.Ordinal), otherYears.ToHashSet(StringComparer.Ordinal));
        return mine.Count > 0 && theirs.Count > 0 && !mine.SetEquals(theirs);
    }

    private static IEnumerable<string> Years(string text) => Year().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex Year();

    /// <summary>
    /// The closing formulas of a bylaw — registration with the Ministry of Justice, publication, posting on the
    /// website, reporting back, control over execution, entry into force: each ministry sets its own days, no rule of
    /// the law differs.
    /// </summary>
    [GeneratedRegex(@"государственн\w+\s+регистраци|официальн\w+\s+опубликовани|интернет-ресурс|контрол\w+\s+за\s+исполнени|вводится\s+в\s+действие|мемлекеттік\s+тіркел|ресми\s+жариял|орындалуын\s+бақылау|қолданысқа\s+енгізіл|Әділет\s+министрлігінде", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Procedural();

    /// <summary>Which act prevails under the Law «О правовых актах», art. 10, in a sentence.</summary>
    private static string Prevails(NormPair pair, HierarchyRelation relation) => relation switch
    {
        HierarchyRelation.Higher => $"Приоритет у {pair.Other.Id} («{pair.Other.Act.Title}»): акт выше по иерархии (ст. 10 Закона «О правовых актах»).",
        HierarchyRelation.Lower => $"Приоритет у {pair.Norm.Id} («{pair.Norm.Act.Title}»): акт выше по иерархии (ст. 10 Закона «О правовых актах»).",
        HierarchyRelation.Same => "Акты одного уровня иерархии: приоритет по иерархии не определяется.",
        _ => "Уровень одного из актов в иерархии не известен.",
    };

    private static string ValueName(ValueKind kind) => kind switch
    {
        ValueKind.Deadline => "срок",
        ValueKind.Amount => "сумма",
        ValueKind.Age => "возраст",
        ValueKind.Body => "орган",
        _ => "модальность",
    };
}
