using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Assistant.Core.Citations;
using Assistant.Core.Drafts;
using Assistant.Core.Norms;
using Assistant.Core.Text;

namespace Assistant.Core.Discussion;

/// <summary>
/// Retrieval limited to one draft and the acts it amends: the draft's own text of the norms it changes and of its
/// other articles, then the acts in force it amends, searched one by one. Nothing else in the catalog is reachable,
/// so a question outside the draft finds too little and the answer abstains.
/// </summary>
public sealed partial class DraftScope(INormRetriever law, Draft draft, IReadOnlyList<Consolidation> consolidations, IReadOnlyList<DraftArticle> outline, Func<string, string> actTitle) : INormRetriever
{
    /// <summary>
    /// Below this share of the question's terms found in one of the best sources, a question is outside the draft:
    /// stricter than chat's, as the scope is one draft and the few acts it amends (chosen on eval/public-questions/tune.jsonl).
    /// </summary>
    public const double DefaultMinTermCoverage = 0.5;

    /// <summary>Draft sources given at most: the law in force must keep room beside them.</summary>
    private const int MaxDraftSources = 3;

    private readonly HashSet<string> _draftCitations = new(StringComparer.Ordinal);

    public string Mode => law.Mode;

    /// <summary>Whether a source cited by <paramref name="citation"/> came from the draft rather than the law.</summary>
    public bool IsDraft(string citation) => _draftCitations.Contains(citation);

    public async Task<IReadOnlyList<RetrievedNorm>> RetrieveAsync(string query, RetrievalFilters filters, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var language = filters.Language ?? draft.Language;
        var terms = TextAnalyzer.Terms(query, language).ToHashSet(StringComparer.Ordinal);
        var fromDraft = DraftNorms(language)
            .Select(norm => (Norm: norm, Share: Share(terms, norm)))
            .Where(n => n.Share > 0)
            .OrderByDescending(n => n.Share)
            .Take(MaxDraftSources)
            .Select(n => n.Norm)
            .ToList();
        foreach (var norm in fromDraft)
        {
            _draftCitations.Add(norm.Citation);
        }

        var fromLaw = new List<RetrievedNorm>();
        foreach (var act in draft.TargetActs)
        {
            fromLaw.AddRange(await law.RetrieveAsync(query, filters with { ActId = act, Language = language }, top, cancellationToken).ConfigureAwait(false));
        }

        return Alternate(fromDraft, [.. fromLaw.OrderByDescending(n => n.Score)], top);
    }

    /// <summary>The draft's best, then the law's best, and so on: an extract and a model both see what changes beside what stands.</summary>
    private static List<RetrievedNorm> Alternate(List<RetrievedNorm> draft, List<RetrievedNorm> law, int top)
    {
        var sources = new List<RetrievedNorm>(top);
        for (var i = 0; sources.Count < top && (i < draft.Count || i < law.Count); i++)
        {
            if (i < draft.Count)
            {
                sources.Add(draft[i]);
            }

            if (i < law.Count && sources.Count < top)
            {
                sources.Add(law[i]);
            }
        }

        return sources;
    }

    /// <summary>What the draft itself says: each norm it changes as the draft words it, and each of its own articles.</summary>
    private IEnumerable<RetrievedNorm> DraftNorms(Language language)
    {
        var draftLabel = language == Language.Kk ? "жобаның редакциясында" : "в редакции проекта";
        foreach (var consolidation in consolidations)
        {
            foreach (var norm in consolidation.Norms)
            {
                if (!NormId.TryParse(norm.Id, out var id))
                {
                    continue;
                }

                foreach (var (part, text) in ChangedParts(id, norm, language))
                {
                    yield return new RetrievedNorm(part, language, $"{Citation.Display(part, actTitle(consolidation.ActId), language)} ({draftLabel})", null, text, 0, false);
                }
            }
        }

        var title = language == Language.Kk ? "Заң жобасы" : "Законопроект";
        foreach (var article in outline)
        {
            var number = language == Language.Kk ? $"{article.Number}-бап" : $"ст. {article.Number}";
            yield return new RetrievedNorm(new NormId("draft-" + draft.Id, article.Number), language, $"{title} «{draft.Title}», {number}", null, article.Heading + "\n" + article.Text, 0, false);
        }
    }

    /// <summary>
    /// The points of an article the draft changes, each with its new text («1. Срок … пятнадцать …»), so that a source
    /// is the change itself and not the whole article; the whole article when it has no numbered points.
    /// </summary>
    private static IEnumerable<(NormId Id, string Text)> ChangedParts(NormId id, ConsolidatedNorm norm, Language language)
    {
        if (norm.After.Length == 0)
        {
            yield return (id, language == Language.Kk ? "(жоба бойынша алып тасталады)" : "(проектом исключается)");
            yield break;
        }

        var after = Points(norm.After);
        if (id.Point is not null || after.Count < 2)
        {
            yield return (id, norm.After);
            yield break;
        }

        var before = Points(norm.Before);
        foreach (var (number, text) in after)
        {
            if (!before.TryGetValue(number, out var old) || !string.Equals(old, text, StringComparison.Ordinal))
            {
                yield return (id.WithPoint(number), text);
            }
        }
    }

    /// <summary>An article's text by its numbered points; paragraphs after a point's first line belong to it.</summary>
    private static Dictionary<string, string> Points(string text)
    {
        var points = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (PointStart().Match(line) is { Success: true } start)
            {
                current = start.Groups[1].Value;
                points[current] = line;
            }
            else if (current is not null)
            {
                points[current] += "\n" + line;
            }
        }

        return points;
    }

    [GeneratedRegex(@"^(\d+(?:-\d+)?)\.\s")]
    private static partial Regex PointStart();

    private static double Share(HashSet<string> terms, RetrievedNorm norm) =>
        terms.Count == 0 ? 0 : (double)TextAnalyzer.Terms(norm.Text, norm.Language).Distinct(StringComparer.Ordinal).Count(terms.Contains) / terms.Count;
}
