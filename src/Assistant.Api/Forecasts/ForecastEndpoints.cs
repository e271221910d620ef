using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Acts;
using Assistant.Core.Drafts;
using Assistant.Core.Forecasts;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Forecasts;

/// <summary>
/// Forecasts of drafts as background jobs: POST /v1/drafts/{id}/forecasts queues one (202 with its id), its progress
/// streams as Server-Sent Events, and the result is served as JSON, HTML and Word once done. Experts and admins only.
/// </summary>
internal static class ForecastEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapForecastEndpoints(this WebApplication app)
    {
        app.MapPost("/v1/drafts/{id}/forecasts", SubmitAsync).WithTags("forecasts").WithName("submitForecast").RequireAuthorization(AccessPolicies.Drafting).RequireRateLimiting(ForecastRateLimitPolicy.Name).DisableAntiforgery();
        app.MapGet("/v1/drafts/{id}/forecasts", ListForDraftAsync).WithTags("forecasts").WithName("listDraftForecasts").RequireAuthorization(AccessPolicies.Drafting);
        var forecasts = app.MapGroup("/v1/forecasts").WithTags("forecasts").RequireAuthorization(AccessPolicies.Drafting);
        forecasts.MapGet("/{id}", GetAsync).WithName("getForecast");
        forecasts.MapGet("/{id}/events", EventsAsync).WithName("forecastEvents");
        forecasts.MapGet("/{id}/report.html", (string id, IForecastJobStore jobs, CancellationToken cancellationToken) => ReportAsync(id, jobs, r => Results.Text(r.Html, "text/html; charset=utf-8"), cancellationToken)).WithName("forecastReportHtml");
        forecasts.MapGet("/{id}/report.docx", (string id, IForecastJobStore jobs, CancellationToken cancellationToken) => ReportAsync(id, jobs, r => Results.File(r.Docx, DocxType, $"forecast-{id}.docx"), cancellationToken)).WithName("forecastReportDocx");
    }

    private static async Task<IResult> SubmitAsync(
        string id,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ForecastSubmission? submission,
        HttpContext http,
        IDraftStore drafts,
        ForecastQueue queue,
        CancellationToken cancellationToken)
    {
        var draft = await drafts.GetAsync(id, cancellationToken);
        if (draft is null)
        {
            return Problems.NotFound($"No draft has the id '{id}'.");
        }

        Language? language = null;
        if (submission?.EditionLang is { } code)
        {
            if (!LanguageCodes.TryParse(code, out var parsed))
            {
                return Problems.BadRequest($"editionLang is '{code}'; it must be ru or kk.", "editionLang");
            }

            language = parsed;
        }

        if (submission?.TwinDraftId is { } twinId)
        {
            var twin = await drafts.GetAsync(twinId, cancellationToken);
            if (twin is null)
            {
                return Problems.BadRequest($"twinDraftId '{twinId}' names no draft.", "twinDraftId");
            }

            if (twin.Language == draft.Language)
            {
                return Problems.BadRequest($"twinDraftId '{twinId}' is in {twin.Language.ToCode()}, as the draft is: the other language version must be in the other language.", "twinDraftId");
            }
        }

        if (submission?.Edition is { Length: > 100 } edition)
        {
            return Problems.BadRequest($"edition has {edition.Length} characters; an edition is named by a label, a source record id or a date.", "edition");
        }

        var user = http.User.Identity?.Name ?? "unnamed";
        var role = http.User.FindFirstValue(ClaimTypes.Role) ?? "expert";
        var job = await queue.EnqueueAsync(new ForecastRequest(id, submission?.Edition, language, submission?.TwinDraftId), user, role, cancellationToken);
        return Results.Accepted($"/v1/forecasts/{job.Id}", ForecastJobView.Of(job));
    }

    private static async Task<IResult> ListForDraftAsync(string id, IDraftStore drafts, IForecastJobStore jobs, CancellationToken cancellationToken)
    {
        if (await drafts.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"No draft has the id '{id}'.");
        }

        var list = await jobs.ListForDraftAsync(id, cancellationToken);
        return Results.Ok(list.Select(ForecastJobView.Of).ToList());
    }

    private static async Task<IResult> GetAsync(string id, IForecastJobStore jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"No forecast has the id '{id}'.");
        }

        var view = ForecastJobView.Of(job) with { Stages = [.. (await jobs.GetStagesAsync(id, cancellationToken)).Select(ForecastStageView.Of)] };
        if (job.Status != ForecastJobStatus.Succeeded || await jobs.GetReportsAsync(id, cancellationToken) is not { } reports)
        {
            return Results.Ok(view);
        }

        using var document = JsonDocument.Parse(reports.Json);
        return Results.Ok(view with { Forecast = document.RootElement.Clone() });
    }

    private static async Task<IResult> EventsAsync(string id, IForecastJobStore jobs, ForecastWatchers watchers, CancellationToken cancellationToken)
    {
        // Following starts before the stored state is read, so that no change between the two is missed.
        var watch = watchers.Follow(id);
        var stages = await jobs.GetStagesAsync(id, cancellationToken);
        var job = await jobs.GetAsync(id, cancellationToken);
        if (job is null)
        {
            watch.Dispose();
            return Problems.NotFound($"No forecast has the id '{id}'.");
        }

        return TypedResults.ServerSentEvents(StreamAsync(job, stages, watch, cancellationToken));
    }

    /// <summary>
    /// The steps the job's run has already passed, then the job as it stands, then each change of it until it has
    /// finished: a client that follows a job late, even one that has finished, still sees every step.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<ForecastJobView>> StreamAsync(
        ForecastJob job,
        IReadOnlyList<ForecastStageReached> stages,
        ForecastWatchers.Watch watch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (watch)
        {
            foreach (var passed in stages.Where(s => job.IsFinished || (job.Stage is { } current && s.Stage < current)))
            {
                yield return Event(job with { Status = ForecastJobStatus.Running, Stage = passed.Stage, FinishedAt = null, Error = null });
            }

            var last = job;
            yield return Event(last);
            while (!last.IsFinished && await watch.Changes.WaitToReadAsync(cancellationToken))
            {
                while (watch.Changes.TryRead(out var change))
                {
                    // A change made between following and reading the job may be older than the job as read.
                    if (Progress(change).CompareTo(Progress(last)) <= 0)
                    {
                        continue;
                    }

                    last = change;
                    yield return Event(last);
                }
            }
        }
    }

    private static (int Status, int Stage) Progress(ForecastJob job) => (job.IsFinished ? int.MaxValue : (int)job.Status, job.Stage is { } stage ? (int)stage : -1);

    /// <summary>Event types: queued, running (with its stage), succeeded, failed.</summary>
    private static SseItem<ForecastJobView> Event(ForecastJob job) => new(ForecastJobView.Of(job), job.Status.ToString().ToLowerInvariant());

    private static async Task<IResult> ReportAsync(string id, IForecastJobStore jobs, Func<ForecastReports, IResult> serve, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"No forecast has the id '{id}'.");
        }

        return job.Status switch
        {
            ForecastJobStatus.Succeeded when await jobs.GetReportsAsync(id, cancellationToken) is { } reports => serve(reports),
            ForecastJobStatus.Failed => Problems.TypedProblem(StatusCodes.Status409Conflict, "Forecast failed", $"The forecast failed, so it has no report: {job.Error}", null),
            _ => Problems.TypedProblem(StatusCodes.Status409Conflict, "Forecast not finished", $"The forecast is {job.Status.ToString().ToLowerInvariant()}; follow /v1/forecasts/{id}/events and ask again once it has succeeded.", null),
        };
    }
}

/// <param name="Edition">The edition to apply the draft to (a label, a source record id or a date); the current one by default.</param>
/// <param name="EditionLang">ru or kk: the language of the editions; the draft's own by default.</param>
/// <param name="TwinDraftId">The draft's other language version, itself a submitted draft.</param>
internal sealed record ForecastSubmission(string? Edition, string? EditionLang, string? TwinDraftId);

/// <summary>
/// A forecast job as the API shows it; <see cref="Stages"/> are the steps its run reached and <see cref="Forecast"/>
/// is the result once it has succeeded, both served only for the job alone.
/// </summary>
internal sealed record ForecastJobView(
    string Id,
    string DraftId,
    string Status,
    string? Stage,
    string? Edition,
    string? EditionLang,
    string? TwinDraftId,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    ForecastLinks Links,
    IReadOnlyList<ForecastStageView>? Stages = null,
    JsonElement? Forecast = null)
{
    public static ForecastJobView Of(ForecastJob job) => new(
        job.Id,
        job.Request.DraftId,
        job.Status.ToString().ToLowerInvariant(),
        job.Stage?.ToString().ToLowerInvariant(),
        job.Request.Edition,
        job.Request.EditionLanguage?.ToCode(),
        job.Request.TwinDraftId,
        job.RequestedBy,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Error,
        new ForecastLinks($"/v1/forecasts/{job.Id}", $"/v1/forecasts/{job.Id}/events", $"/v1/forecasts/{job.Id}/report.html", $"/v1/forecasts/{job.Id}/report.docx"));
}

/// <summary>A step the job's run reached, and when.</summary>
internal sealed record ForecastStageView(string Stage, DateTimeOffset At)
{
    public static ForecastStageView Of(ForecastStageReached reached) => new(reached.Stage.ToString().ToLowerInvariant(), reached.At);
}

internal sealed record ForecastLinks(string Self, string Events, string Html, string Docx);
