namespace Assistant.Core.Findings;

/// <summary>How many findings of one kind there are at each priority, and how many experts have reviewed.</summary>
public sealed record KindCounts(FindingKind Kind, int High, int Medium, int Low, int Confirmed, int Dismissed)
{
    public int Total => High + Medium + Low;
}

/// <summary>The top findings of one kind: those not dismissed, highest priority and score first.</summary>
public sealed record KindSection(FindingKind Kind, int Total, IReadOnlyList<StoredFinding> Top);

/// <summary>
/// The analytical report for deputies and experts: counts by category and priority, the top findings of each kind with
/// both norms side by side, how often the law was rewritten and what people ask that it does not answer.
/// </summary>
public sealed record FindingsReport(DateTimeOffset Generated, IReadOnlyList<KindCounts> Counts, IReadOnlyList<KindSection> Sections, StabilityReport? Stability, UnmetDemandReport? Demand)
{
    public const int DefaultTop = 10;

    public static FindingsReport Of(IReadOnlyList<StoredFinding> findings, StabilityReport? stability, UnmetDemandReport? demand, DateTimeOffset generated, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 0);
        var kinds = Enum.GetValues<FindingKind>();
        var counts = kinds.Select(kind =>
        {
            var ofKind = findings.Where(f => f.Finding.Kind == kind).ToList();
            return new KindCounts(
                kind,
                ofKind.Count(f => f.Finding.Priority == FindingPriority.High),
                ofKind.Count(f => f.Finding.Priority == FindingPriority.Medium),
                ofKind.Count(f => f.Finding.Priority == FindingPriority.Low),
                ofKind.Count(f => f.Review.Status == FindingStatus.Confirmed),
                ofKind.Count(f => f.Review.Status == FindingStatus.Dismissed));
        }).ToList();
        var sections = kinds.Select(kind => new KindSection(
            kind,
            findings.Count(f => f.Finding.Kind == kind),
            [.. findings
                .Where(f => f.Finding.Kind == kind && f.Review.Status != FindingStatus.Dismissed)
                .OrderBy(f => f.Finding.Priority)
                .ThenByDescending(f => f.Finding.Score)
                .ThenByDescending(f => f.Finding.InboundReferences)
                .ThenBy(f => f.Finding.Id, StringComparer.Ordinal)
                .Take(top)])).ToList();
        return new FindingsReport(generated, counts, sections, stability, demand);
    }
}
