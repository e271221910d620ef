using System.Globalization;

namespace Assistant.Core.Forecasts;

/// <summary>The texts the HTML and Word reports share.</summary>
internal static class ReportTexts
{
    /// <summary>What a report says of its narrative: who wrote it and what its check removed, or why there is none.</summary>
    public static string Narrative(ForecastNarrative narrative) => narrative.IsPresent
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"Written by AI ({narrative.Model}), not by the deterministic forecast: each item cites the numbered findings it rests on, checked. {narrative.Items.Count} items; {narrative.RemovedCitations.Count} citations of findings the model was not given removed; {narrative.DroppedItems} items without a valid citation left out. Check every item against the findings it cites.")
        : narrative.AbsentReason!;

    public static IEnumerable<string[]> NarrativeRows(ForecastNarrative narrative) => narrative.Items.Select(item => new[]
    {
        item.Area.ToString(),
        item.Text,
        string.Join("; ", item.Cites.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.Number}] {string.Join(", ", c.Norms)}"))),
    });

    /// <summary>The bylaws a delegation may already be served by, or that there are none and one is to adopt.</summary>
    public static string Bylaws(FollowUpAct followUp) => followUp.Existing.Count == 0
        ? "none found: to adopt"
        : string.Join("; ", followUp.Existing.Select(e => $"{e.ActId} {e.Title} ({(e.Basis == "refers" ? "refers to the norm" : "title fits")})"));

    public static string[] ConflictHeadings { get; } = ["Norm", "Its value", "Other norm", "Other value", "Finding", "Sentence", "Other sentence"];

    /// <summary>Each possible conflict with the two values side by side and both sentences.</summary>
    public static IEnumerable<string[]> ConflictRows(IReadOnlyList<PossibleConflict> conflicts) => conflicts.Select(c => new[]
    {
        c.Norm, $"{c.Value.Phrase} ({c.Value.Normalized})", $"{c.Other} — {c.OtherCitation}", $"{c.OtherValue.Phrase} ({c.OtherValue.Normalized})", Finding(c), c.Sentence, c.OtherSentence,
    });

    private static string Finding(PossibleConflict conflict)
    {
        var finding = conflict.Kind == ConflictKind.Duplication ? "duplication" : $"{conflict.Value.Kind.ToString().ToLowerInvariant()} conflict";
        return conflict.Hierarchy is HierarchyRelation.Lower or HierarchyRelation.Higher
            ? $"{finding}, the other act ({conflict.OtherActKind}) is {conflict.Hierarchy.ToString().ToLowerInvariant()} than the amended one ({conflict.ActKind})"
            : finding;
    }
}
