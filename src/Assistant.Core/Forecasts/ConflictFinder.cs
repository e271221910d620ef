using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Drafts;
using Assistant.Core.Norms;
using Assistant.Core.Text;

namespace Assistant.Core.Forecasts;

/// <summary>Whether the other norm says something else on the same subject, or the same thing again.</summary>
public enum ConflictKind
{
    /// <summary>The same subject with a different deadline, amount, age, body or modality.</summary>
    Conflict,

    /// <summary>Near-identical text with the same values: the new norm repeats the other act.</summary>
    Duplication,
}

/// <summary>A norm of another act in force on the same subject as a sentence of a new or changed norm.</summary>
/// <param name="Norm">The affected norm, as the draft leaves it.</param>
/// <param name="Other">The other act's norm (a top-level one).</param>
/// <param name="Value">The new norm's value; for a duplication, the value both share.</param>
/// <param name="OtherValue">The other norm's value in its place.</param>
/// <param name="Overlap">The two sentences' share of terms in common, values left out (Jaccard, 0–1).</param>
/// <param name="Hierarchy">Where the other act stands against the amended one.</param>
public sealed record PossibleConflict(
    string Norm,
    string Other,
    string OtherCitation,
    ConflictKind Kind,
    NormValue Value,
    NormValue OtherValue,
    string Sentence,
    string OtherSentence,
    double Overlap,
    ActKind ActKind,
    ActKind OtherActKind,
    HierarchyRelation Hierarchy);

/// <summary>
/// For every sentence of a new or changed norm that fixes a value, the closest norms of other acts: the sentence of
/// theirs with most terms in common, values left out, regulates the same subject when that share reaches
/// <see cref="SameSubject"/>; it conflicts where a value of one kind stands in place of another, and duplicates
/// where the text is near-identical and the values agree.
/// </summary>
public sealed partial class ConflictFinder(INormNeighbours neighbours)
{
    /// <summary>Closest norms looked at per sentence.</summary>
    public const int Neighbours = 8;

    /// <summary>Share of terms in common from which two sentences regulate the same subject; tuned on the tune split of eval-conflicts.</summary>
    public const double SameSubject = 0.6;

    /// <summary>Share of terms in common from which a sentence with the same values repeats the other.</summary>
    public const double Duplicate = 0.8;

    /// <summary>Sentences with fewer terms (values left out) say too little to tell a subject.</summary>
    private const int MinTerms = 5;

    public async Task<IReadOnlyList<PossibleConflict>> FindAsync(IReadOnlyList<AffectedNorm> affected, IReadOnlyList<Consolidation> acts, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(affected);
        ArgumentNullException.ThrowIfNull(acts);
        var found = new List<PossibleConflict>();
        var seen = new HashSet<(string, string, ConflictKind, string, string, string)>();
        foreach (var norm in affected.Where(a => a.Change != AffectedChange.Repealed))
        {
            var id = NormId.Parse(norm.Id);
            if (acts.SelectMany(a => a.Norms).FirstOrDefault(n => n.Id == id.TopLevel.ToString()) is not { } drafted)
            {
                continue;
            }

            var actKind = neighbours.KindOf(id.ActId);
            foreach (var sentence in Sentences.Split(UnitText(drafted.After, id)).Distinct(StringComparer.Ordinal))
            {
                var mine = Sentence.Of(sentence, language);
                if (mine.Values.Count == 0 || mine.Terms.Count < MinTerms)
                {
                    continue;
                }

                foreach (var other in await neighbours.ClosestAsync(sentence, language, id.ActId, Neighbours, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var conflict in Compare(norm.Id, mine, other, actKind, language))
                    {
                        if (seen.Add((conflict.Norm, conflict.Other, conflict.Kind, conflict.Value.Normalized, conflict.OtherValue.Normalized, conflict.OtherSentence)))
                        {
                            found.Add(conflict);
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The sentences of a norm's text that fix a value, analysed once for every pair the norm is in.</summary>
    public static IReadOnlyList<Sentence> ValueSentences(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Sentences.Split(text).Distinct(StringComparer.Ordinal).Select(s => Sentence.Of(s, language)).Where(s => s.Values.Count > 0)];
    }

    /// <summary>
    /// Every sentence of a norm that fixes a value against the other norm's sentences: how the corpus-wide analysis
    /// compares a candidate pair of norms in force, with the same thresholds as a forecast.
    /// </summary>
    public static IEnumerable<PossibleConflict> Against(string norm, IReadOnlyList<Sentence> mine, IReadOnlyList<Sentence> theirs, NeighbourNorm other, ActKind actKind)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(other);
        return mine.Where(m => m.Terms.Count >= MinTerms).SelectMany(m => Compare(norm, m, theirs, other, actKind));
    }

    /// <summary>The new sentence against the other norm's closest sentence that fixes values.</summary>
    internal static IEnumerable<PossibleConflict> Compare(string norm, Sentence mine, NeighbourNorm other, ActKind actKind, Language language) =>
        Compare(norm, mine, [.. Sentences.Split(other.Text).Select(s => Sentence.Of(s, language)).Where(s => s.Values.Count > 0)], other, actKind);

    private static IEnumerable<PossibleConflict> Compare(string norm, Sentence mine, IReadOnlyList<Sentence> theirs, NeighbourNorm other, ActKind actKind)
    {
        var candidates = theirs.Select(s => (Sentence: s, Overlap: Overlap(mine.Terms, s.Terms))).ToList();
        if (candidates.Count == 0 || candidates.MaxBy(s => s.Overlap) is var best && best.Overlap < SameSubject)
        {
            yield break;
        }

        var closest = best.Sentence;
        PossibleConflict Found(ConflictKind kind, NormValue value, NormValue otherValue) => new(
            norm, other.Id.ToString(), other.Citation, kind, value, otherValue, mine.Text, closest.Text, Math.Round(best.Overlap, 3),
            actKind, other.Kind, ActHierarchy.Relation(actKind, other.Kind));

        var conflicting = false;
        foreach (var kind in mine.Values.Select(v => v.Kind).Distinct())
        {
            var values = mine.Values.Where(v => v.Kind == kind).ToList();
            var otherValues = closest.Values.Where(v => v.Kind == kind).ToList();
            if (Substituted(values, otherValues) is var (value, otherValue))
            {
                conflicting = true;
                yield return Found(ConflictKind.Conflict, value, otherValue);
            }
        }

        // Bodies alone make no duplicated rule: «иные полномочия, предусмотренные … актами Президента и Правительства» is boilerplate.
        if (!conflicting && best.Overlap >= Duplicate
            && mine.Values.FirstOrDefault(v => v.Kind != ValueKind.Body && closest.Values.Any(o => o.Kind == v.Kind && o.Normalized == v.Normalized)) is { } shared)
        {
            yield return Found(ConflictKind.Duplication, shared, closest.Values.First(o => o.Kind == shared.Kind && o.Normalized == shared.Normalized));
        }
    }

    /// <summary>
    /// A value of one sentence standing where the other has another: position by position when both hold as many of
    /// the kind («обязуется передать…, а другая обязуется выплатить» against «вправе передать…»), else one each side
    /// that the other lacks.
    /// </summary>
    private static (NormValue, NormValue)? Substituted(List<NormValue> values, List<NormValue> otherValues)
    {
        if (values.Count == otherValues.Count)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i].Normalized != otherValues[i].Normalized)
                {
                    return (values[i], otherValues[i]);
                }
            }

            return null;
        }

        var onlyMine = values.Find(v => !otherValues.Exists(o => o.Normalized == v.Normalized));
        var onlyTheirs = otherValues.Find(o => !values.Exists(v => v.Normalized == o.Normalized));
        return onlyMine is not null && onlyTheirs is not null ? (onlyMine, onlyTheirs) : null;
    }

    /// <summary>The affected unit's own text in its article's new text: a point's line and its subpoints, or a subpoint's line.</summary>
    internal static string UnitText(string article, NormId id)
    {
        var number = id.Subpoint ?? (id.Article is null ? null : id.Point);
        if (number is null)
        {
            return article;
        }

        var lines = article.Split('\n');
        var mark = id.Subpoint is null ? number + "." : number + ")";
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith(mark + " ", StringComparison.Ordinal));
        if (start < 0)
        {
            return article;
        }

        var end = start + 1;
        if (id.Subpoint is null)
        {
            while (end < lines.Length && !PointLine(lines[end]))
            {
                end++;
            }
        }

        return string.Join('\n', lines[start..end]);
    }

    private static bool PointLine(string line)
    {
        var text = line.TrimStart();
        var digits = 0;
        while (digits < text.Length && (char.IsAsciiDigit(text[digits]) || (text[digits] == '-' && digits > 0)))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] == '.';
    }

    private static double Overlap(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return common / (double)(a.Count + b.Count - common);
    }

    /// <summary>A sentence with its values and the terms it has besides them.</summary>
    public sealed record Sentence(string Text, IReadOnlyList<NormValue> Values, IReadOnlySet<string> Terms)
    {
        public static Sentence Of(string text, Language language)
        {
            // The notes of amending laws («(вводится в действие по истечении десяти календарных дней…)») fix no value of the norm.
            var plain = AmendmentNote().Replace(text, " ");
            var values = RepealedUnit().IsMatch(plain) ? [] : NormValues.In(plain);
            var rest = values.Aggregate(plain, (t, v) => t.Replace(v.Phrase, " ", StringComparison.Ordinal));
            var terms = TextAnalyzer.Terms(rest, language).Where(t => !t.All(char.IsAsciiDigit)).ToHashSet(StringComparer.Ordinal);
            return new Sentence(text, values, terms);
        }
    }

    /// <summary>A bracketed note of the law that amended the text: «(вводится в действие…)», «(ҚР 2023.04.19 № 223-VII Заңымен…)».</summary>
    [GeneratedRegex(@"\((?:[^()]|\([^()]*\))*?(?:Законом\s+РК|Заңымен|вводится\s+в\s+действие|қолданысқа\s+енгізіледі|в\s+редакции\s+Закона)(?:[^()]|\([^()]*\))*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmendmentNote();

    /// <summary>A unit left as its repeal: «4) исключен Законом РК…», «утратил силу», «алып тасталды».</summary>
    [GeneratedRegex(@"^\s*(?:\d+(?:-\d+)*[.)]\s*)?(?:исключен|утратил|утратила|алып\s+тасталды|күші\s+жойыл)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepealedUnit();
}
