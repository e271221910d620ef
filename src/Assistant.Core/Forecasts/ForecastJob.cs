using Assistant.Core.Acts;

namespace Assistant.Core.Forecasts;

/// <summary>
/// A forecast asked for over the API: queued, run in the background, kept with its reports once done. A job outlives
/// the process that took it: one left queued or running when the service stopped is run again when it starts.
/// </summary>
/// <param name="Request">What to forecast.</param>
/// <param name="Stage">The step a running job is at; the last one reached by a finished job.</param>
/// <param name="Error">Why a failed job failed, in words for the expert who asked.</param>
public sealed record ForecastJob(
    string Id,
    ForecastRequest Request,
    ForecastJobStatus Status,
    ForecastStage? Stage,
    string RequestedBy,
    string Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public bool IsFinished => Status is ForecastJobStatus.Succeeded or ForecastJobStatus.Failed;
}

/// <param name="DraftId">The draft to forecast.</param>
/// <param name="Edition">The edition to apply it to (a label, a source record id or a date); the current one when null.</param>
/// <param name="EditionLanguage">The language of the editions it is applied to; the draft's own when null.</param>
/// <param name="TwinDraftId">The draft's other language version, to check that both make the same operations.</param>
public sealed record ForecastRequest(string DraftId, string? Edition, Language? EditionLanguage, string? TwinDraftId);

public enum ForecastJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>The steps of a forecast, in the order it takes them.</summary>
public enum ForecastStage
{
    Applying,
    Dependents,
    DraftingRules,
    FollowUps,
    Terms,
    Conflicts,
    Narrative,
    Reports,
}

/// <summary>A step a job's run reached, and when: what lets a client that follows the job late still see every step.</summary>
public sealed record ForecastStageReached(ForecastStage Stage, DateTimeOffset At);

/// <summary>A finished forecast as it is served: the JSON document and the two reports rendered from it.</summary>
public sealed record ForecastReports(string Json, string Html, byte[] Docx);
