using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Findings;

/// <summary>One article of a current edition with the dates of the laws its footnotes say amended it.</summary>
/// <param name="Chapter">The deepest structural heading above it («Глава 3. …»); null for an act without chapters.</param>
/// <param name="Amendments">One entry per amending law named: its number (its name where the footnote gives none) and the date it was adopted.</param>
public sealed record NormAmendments(string ActId, string ActTitle, Language Language, NormId Norm, string? Heading, string? Chapter, IReadOnlyList<(string Law, DateOnly AdoptedOn)> Amendments);

/// <summary>How many amending laws fall within the last year, three and five years before the reference date.</summary>
public sealed record AmendmentCounts(int LastYear, int Last3Years, int Last5Years)
{
    public static AmendmentCounts Of(IEnumerable<DateOnly> dates, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var list = dates.Where(d => d <= referenceDate).ToList();
        return new AmendmentCounts(Within(list, referenceDate, 1), Within(list, referenceDate, 3), Within(list, referenceDate, 5));
    }

    private static int Within(List<DateOnly> dates, DateOnly referenceDate, int years) => dates.Count(d => d > referenceDate.AddYears(-years));
}

public sealed record NormStability(NormId Norm, string ActTitle, Language Language, string? Heading, string? Chapter, AmendmentCounts Counts, DateOnly LastAmended);

public sealed record ChapterStability(string Chapter, AmendmentCounts Counts, int NormsAmended);

/// <param name="Counts">Distinct amending laws that touched any norm of the act.</param>
public sealed record ActStability(string ActId, string Title, Language Language, AmendmentCounts Counts, int NormsAmended, IReadOnlyList<ChapterStability> Chapters);

/// <summary>How often the law was rewritten, per act and chapter, with the most often rewritten norms first.</summary>
public sealed record StabilityReport(DateOnly ReferenceDate, IReadOnlyList<ActStability> Acts, IReadOnlyList<NormStability> Norms)
{
    /// <summary>
    /// Counts from the footnotes' amending laws: a law counts once per norm (and once per act or chapter, however many
    /// of its norms it touched); laws adopted after the reference date or more than five years before it are left out.
    /// </summary>
    /// <param name="topNorms">How many of the most often amended norms to list.</param>
    public static StabilityReport Of(IEnumerable<NormAmendments> norms, DateOnly referenceDate, int topNorms = 50)
    {
        ArgumentNullException.ThrowIfNull(norms);
        var recent = norms
            .Select(n => n with { Amendments = [.. n.Amendments.Where(a => a.AdoptedOn <= referenceDate && a.AdoptedOn > referenceDate.AddYears(-5)).Distinct()] })
            .Where(n => n.Amendments.Count > 0)
            .ToList();

        var acts = recent
            .GroupBy(n => (n.ActId, n.Language))
            .Select(act => new ActStability(
                act.Key.ActId,
                act.First().ActTitle,
                act.Key.Language,
                Laws(act, referenceDate),
                act.Count(),
                [.. act.GroupBy(n => n.Chapter ?? string.Empty, StringComparer.Ordinal)
                    .Select(chapter => new ChapterStability(chapter.Key, Laws(chapter, referenceDate), chapter.Count()))
                    .OrderByDescending(c => c.Counts, Order)
                    .ThenBy(c => c.Chapter, StringComparer.Ordinal)]))
            .OrderByDescending(a => a.Counts, Order)
            .ThenBy(a => a.ActId, StringComparer.Ordinal)
            .ToList();

        var top = recent
            .Select(n => new NormStability(n.Norm, n.ActTitle, n.Language, n.Heading, n.Chapter, AmendmentCounts.Of(n.Amendments.Select(a => a.AdoptedOn), referenceDate), n.Amendments.Max(a => a.AdoptedOn)))
            .OrderByDescending(n => n.Counts, Order)
            .ThenByDescending(n => n.LastAmended)
            .ThenBy(n => n.Norm.ToString(), StringComparer.Ordinal)
            .Take(topNorms)
            .ToList();
        return new StabilityReport(referenceDate, acts, top);
    }

    /// <summary>Five years first, then three, then one: a norm rewritten often over years is less stable than one rewritten once lately.</summary>
    private static readonly Comparer<AmendmentCounts> Order = Comparer<AmendmentCounts>.Create((a, b) =>
        a.Last5Years != b.Last5Years ? a.Last5Years.CompareTo(b.Last5Years)
        : a.Last3Years != b.Last3Years ? a.Last3Years.CompareTo(b.Last3Years)
        : a.LastYear.CompareTo(b.LastYear));

    private static AmendmentCounts Laws(IEnumerable<NormAmendments> norms, DateOnly referenceDate) =>
        AmendmentCounts.Of(norms.SelectMany(n => n.Amendments).Distinct().Select(a => a.AdoptedOn), referenceDate);
}
