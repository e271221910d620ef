namespace Assistant.Core.Forecasts;

/// <summary>Where forecast jobs and their reports are kept, so that they survive a restart of the service.</summary>
public interface IForecastJobStore
{
    /// <summary>Saves a new queued job and gives it back with its id and creation time.</summary>
    Task<ForecastJob> AddAsync(ForecastRequest request, string requestedBy, string role, CancellationToken cancellationToken);

    /// <summary>The job, or null when no job has the id.</summary>
    Task<ForecastJob?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The forecasts asked for a draft, newest first.</summary>
    Task<IReadOnlyList<ForecastJob>> ListForDraftAsync(string draftId, CancellationToken cancellationToken);

    /// <summary>
    /// Jobs that did not finish, oldest first, each put back in the queue: one that was running when the service
    /// stopped starts again from the beginning.
    /// </summary>
    Task<IReadOnlyList<ForecastJob>> RequeueUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>Marks a queued job running; false when it is not queued (another worker took it, or it finished).</summary>
    Task<bool> TryStartAsync(string id, CancellationToken cancellationToken);

    /// <summary>Sets the step a running job is at, and records when its run reached it.</summary>
    Task MarkStageAsync(string id, ForecastStage stage, CancellationToken cancellationToken);

    /// <summary>The steps the job's latest run has reached, in order; empty for a queued job or an unknown id.</summary>
    Task<IReadOnlyList<ForecastStageReached>> GetStagesAsync(string id, CancellationToken cancellationToken);

    Task CompleteAsync(string id, ForecastReports reports, CancellationToken cancellationToken);

    Task FailAsync(string id, string reason, CancellationToken cancellationToken);

    /// <summary>The reports of a job that succeeded; null otherwise.</summary>
    Task<ForecastReports?> GetReportsAsync(string id, CancellationToken cancellationToken);
}
