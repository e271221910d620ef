using System.Threading.Channels;
using Assistant.Core.Acts;
using Assistant.Core.Audit;
using Assistant.Core.Drafts;
using Assistant.Core.Forecasts;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;

namespace Assistant.Api.Forecasts;

/// <summary>
/// Runs one forecast job: reads its draft, builds the forecast against the catalog step by step, the closest norms
/// of other acts searched as /v1/search does (hybrid when vectors are ready) (each step stored
/// and told to the job's watchers), has the model write the consequences by area when one is loaded, renders the
/// reports, audits the job and keeps the result. A job stopped with the
/// service stays running in the store, so that the next start runs it again.
/// </summary>
internal sealed partial class ForecastRunner(
    IForecastJobStore jobs,
    IDraftStore drafts,
    LegalCatalog catalog,
    CatalogRetrieval retrieval,
    IAuditTrail audit,
    ForecastNarrator narrator,
    ForecastWatchers watchers,
    ILogger<ForecastRunner> logger)
{
    public async Task RunAsync(string id, CancellationToken cancellationToken)
    {
        if (!await jobs.TryStartAsync(id, cancellationToken))
        {
            return;
        }

        var job = await PublishAsync(id, cancellationToken);
        LogStarted(id, job.Request.DraftId);
        try
        {
            var (draft, forecast) = await BuildAsync(job, cancellationToken);
            if (narrator.HasModel)
            {
                await jobs.MarkStageAsync(id, ForecastStage.Narrative, cancellationToken);
                await PublishAsync(id, cancellationToken);
                forecast = forecast with { Narrative = await NarrateAsync(id, forecast, cancellationToken) };
            }

            await jobs.MarkStageAsync(id, ForecastStage.Reports, cancellationToken);
            await PublishAsync(id, cancellationToken);
            var reports = await Task.Run(() => new ForecastReports(ForecastJson.Serialize(forecast), ForecastReport.Html(forecast), ForecastDocument.Docx(forecast)), cancellationToken);
            await AuditAsync(job, draft, forecast, reports, cancellationToken);
            await jobs.CompleteAsync(id, reports, cancellationToken);
            LogSucceeded(id, forecast.Affected.Count, forecast.Dependents.Count, forecast.Findings.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogInterrupted(id);
            return;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Whatever went wrong stays with this job: the queue, the service and the other jobs go on.
            LogFailed(error, id);
            await jobs.FailAsync(id, error.Message, CancellationToken.None);
        }

        await PublishAsync(id, CancellationToken.None);
    }

    private async Task<(Draft Draft, Forecast Forecast)> BuildAsync(ForecastJob job, CancellationToken cancellationToken)
    {
        var request = job.Request;
        var draft = await drafts.GetAsync(request.DraftId, cancellationToken) ?? throw new ForecastFailure($"The draft '{request.DraftId}' is not in the store.");
        var twin = request.TwinDraftId is { } twinId
            ? await drafts.GetAsync(twinId, cancellationToken) ?? throw new ForecastFailure($"The draft's other language version '{twinId}' is not in the store.")
            : null;
        var stages = Channel.CreateUnbounded<ForecastStage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var building = Task.Run(
            async () =>
            {
                try
                {
                    var titles = catalog.ActTitles().ToList();
                    var parser = new DraftParser(new ActResolver(titles));
                    var parsed = parser.Parse(draft.Text);
                    if (parsed.TargetActs.Count == 0)
                    {
                        throw new ForecastFailure("The draft names no act of the catalog that it amends.");
                    }

                    var builder = new ForecastBuilder(catalog, catalog, new ActTitleIndex(titles), catalog.Bylaws(request.EditionLanguage ?? parsed.Language), new CatalogNeighbours(catalog, retrieval));
                    return await builder.BuildAsync(parsed, draft.Text, request.Edition, request.EditionLanguage, twin is null ? null : parser.Parse(twin.Text), new StageReports(stages.Writer), cancellationToken);
                }
                finally
                {
                    stages.Writer.TryComplete();
                }
            },
            cancellationToken);
        await foreach (var stage in stages.Reader.ReadAllAsync(cancellationToken))
        {
            await jobs.MarkStageAsync(job.Id, stage, cancellationToken);
            await PublishAsync(job.Id, cancellationToken);
        }

        return (draft, await building);
    }

    /// <summary>The model's part; when the model fails, the deterministic forecast stands without it and says why.</summary>
    private async Task<ForecastNarrative> NarrateAsync(string id, Forecast forecast, CancellationToken cancellationToken)
    {
        try
        {
            return await narrator.WriteAsync(forecast, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogNarrativeFailed(error, id);
            return ForecastNarrative.Absent($"The consequences by area are not written: the model failed ({error.Message}).");
        }
    }

    /// <summary>The trail keeps who asked for the forecast of which draft, the norms it affects and cites, and a hash of the result.</summary>
    private async Task AuditAsync(ForecastJob job, Draft draft, Forecast forecast, ForecastReports reports, CancellationToken cancellationToken)
    {
        var affected = forecast.Affected.Select(a => a.Id).ToList();
        var cited = forecast.Dependents.Concat(forecast.BrokenReferences).Select(d => d.From)
            .Concat(forecast.Terms.SelectMany(t => t.UsedIn))
            .Concat(forecast.Findings.SelectMany(f => f.Norms))
            .Concat(forecast.FollowUps.Select(f => f.Norm))
            .Concat(forecast.Conflicts.SelectMany(c => new[] { c.Norm, c.Other }))
            .Concat(forecast.Narrative.Items.SelectMany(i => i.Cites).SelectMany(c => c.Norms))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var hash = AuditEntry.HashOf(reports.Json);
        var question = $"Forecast {job.Id} of draft {draft.Id} «{draft.Title}» ({draft.Language.ToCode()}, edition {job.Request.Edition ?? "current"})";
        await audit.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, job.RequestedBy, job.Role, null, question, affected, cited, hash), cancellationToken);
    }

    private async Task<ForecastJob> PublishAsync(string id, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No forecast job has the id '{id}'.");
        watchers.Publish(job);
        return job;
    }

    /// <summary>Passes each step the builder begins to the job's runner, which stores it and tells the watchers.</summary>
    private sealed class StageReports(ChannelWriter<ForecastStage> writer) : IProgress<ForecastStage>
    {
        public void Report(ForecastStage value) => writer.TryWrite(value);
    }

    /// <summary>A job that cannot be run as asked: its message is what the expert reads.</summary>
    private sealed class ForecastFailure(string message) : Exception(message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast {JobId} of draft {DraftId} started")]
    private partial void LogStarted(string jobId, string draftId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast {JobId} done: {Affected} affected norms, {Dependents} dependents, {Findings} findings")]
    private partial void LogSucceeded(string jobId, int affected, int dependents, int findings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forecast {JobId} stopped with the service; it runs again at the next start")]
    private partial void LogInterrupted(string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The narrative of forecast {JobId} failed; the forecast is kept without it")]
    private partial void LogNarrativeFailed(Exception error, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Forecast {JobId} failed")]
    private partial void LogFailed(Exception error, string jobId);
}
