using Assistant.Core.Acts;

namespace Assistant.Core.Findings;

/// <summary>
/// One problem found in the law, with what an expert needs to check it in a minute: both norms' words side by side,
/// what differs and why it was flagged.
/// </summary>
/// <param name="Id">Stable across runs for the same problem (see <see cref="FindingIds"/>), so an expert's status survives a re-run.</param>
/// <param name="Norm">The norm the finding is about (for a pair, the one of the lower or later act).</param>
/// <param name="OtherNorm">The other norm of a pair; for a broken reference the target as the catalog resolves it; null for a gap.</param>
/// <param name="Text">The sentence of <paramref name="Norm"/> that was flagged.</param>
/// <param name="OtherText">The other norm's sentence in its place; for a gap, the best implementing act considered, if any.</param>
/// <param name="Differs">What differs, in a line («30 календарных дней» ≠ «1 месяц»; «ссылается на утративший силу Закон …»).</param>
/// <param name="Reason">Why it was flagged, in a sentence that names the rule and its threshold.</param>
/// <param name="Score">The detector's confidence, 0–1, comparable within one kind.</param>
/// <param name="InboundReferences">How many references of other norms in force point at <paramref name="Norm"/>.</param>
public sealed record Finding(
    string Id,
    FindingKind Kind,
    Language Language,
    string Norm,
    string? OtherNorm,
    string Text,
    string? OtherText,
    string Differs,
    string Reason,
    double Score,
    FindingPriority Priority,
    int InboundReferences);

/// <summary>An expert's review of a finding.</summary>
public sealed record FindingReview(FindingStatus Status, string? Comment, string? ReviewedBy, DateTimeOffset? ReviewedAt)
{
    public static FindingReview Unreviewed { get; } = new(FindingStatus.New, null, null, null);
}

/// <summary>A finding as stored: what the last run found, the review, and when it was first and last found.</summary>
public sealed record StoredFinding(Finding Finding, FindingReview Review, DateTimeOffset FirstFound, DateTimeOffset LastFound);
