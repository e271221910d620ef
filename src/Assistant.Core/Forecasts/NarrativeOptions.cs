namespace Assistant.Core.Forecasts;

/// <summary>How much of a forecast the narrative's model is given, and how long it may write (section Forecasts:Narrative).</summary>
public sealed class NarrativeOptions
{
    public const string Section = "Forecasts:Narrative";

    /// <summary>Findings given per section of the forecast; the model's context is the bound.</summary>
    public int MaxFindingsPerSection { get; set; } = 25;

    /// <summary>Characters of a finding's text (a norm's new text, a referring sentence) put into the prompt.</summary>
    public int MaxFindingCharacters { get; set; } = 300;

    /// <summary>Tokens the model may write; output cut before its JSON closes is no narrative.</summary>
    public int MaxTokens { get; set; } = 1_024;
}
