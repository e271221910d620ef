using System.Globalization;

namespace Assistant.Core.Forecasts;

/// <summary>What a report says of its narrative: who wrote it and what its check removed, or why there is none.</summary>
internal static class NarrativeLabel
{
    public static string Of(ForecastNarrative narrative) => narrative.IsPresent
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"Written by AI ({narrative.Model}), not by the deterministic forecast: each item cites the numbered findings it rests on, checked. {narrative.Items.Count} items; {narrative.RemovedCitations.Count} citations of findings the model was not given removed; {narrative.DroppedItems} items without a valid citation left out. Check every item against the findings it cites.")
        : narrative.AbsentReason!;

    public static IEnumerable<string[]> Rows(ForecastNarrative narrative) => narrative.Items.Select(item => new[]
    {
        item.Area.ToString(),
        item.Text,
        string.Join("; ", item.Cites.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.Number}] {string.Join(", ", c.Norms)}"))),
    });
}
