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
}
