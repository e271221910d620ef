namespace Assistant.Core.Forecasts;

/// <summary>
/// The consequences by area, written by a language model from the forecast's findings: AI-written, each item citing
/// the numbered findings it rests on, the citations checked as a chat answer's are. Absent, with the reason, when no
/// model wrote it — never made up in its place.
/// </summary>
/// <param name="AbsentReason">Why there is no narrative; null when there is one.</param>
/// <param name="Model">The model that wrote it.</param>
/// <param name="RemovedCitations">Numbers the model cited that name no finding it was given; removed from the items.</param>
/// <param name="DroppedItems">Items left without any valid citation, and so left out.</param>
public sealed record ForecastNarrative(
    string? AbsentReason,
    string? Model,
    IReadOnlyList<NarrativeItem> Items,
    IReadOnlyList<int> RemovedCitations,
    int DroppedItems,
    NarrativeUsage? Usage)
{
    /// <summary>Said in place of the consequences by area when no model is configured.</summary>
    public const string NoModel =
        "The consequences by area (legal, budget, business, social, administrative, risks) are not written: no language model is configured. Every finding above is deterministic and cites the norms it rests on.";

    public bool IsPresent => AbsentReason is null;

    public static ForecastNarrative Absent(string reason) => new(reason, null, [], [], 0, null);
}

/// <param name="Cites">The findings it rests on, each with the norms that finding names.</param>
public sealed record NarrativeItem(NarrativeArea Area, string Text, IReadOnlyList<NarrativeCitation> Cites);

/// <param name="Number">The finding's number in the list the model was given.</param>
/// <param name="Finding">The finding, as the model was given it.</param>
public sealed record NarrativeCitation(int Number, string Finding, IReadOnlyList<string> Norms);

/// <summary>The areas of consequences the experts expect, in the order a report gives them.</summary>
public enum NarrativeArea
{
    Legal,
    Budget,
    Business,
    Social,
    Administrative,
    Risks,
}

/// <param name="FirstToken">From the request to the first token: mostly the prompt's evaluation.</param>
/// <param name="Generation">From the first token to the last.</param>
public sealed record NarrativeUsage(long PromptTokens, long OutputTokens, TimeSpan FirstToken, TimeSpan Generation)
{
    public double PromptTokensPerSecond => FirstToken > TimeSpan.Zero ? PromptTokens / FirstToken.TotalSeconds : 0;

    public double OutputTokensPerSecond => Generation > TimeSpan.Zero ? OutputTokens / Generation.TotalSeconds : 0;
}
