using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Storage.Drafts;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Tests.Drafts;

/// <summary>Forecast jobs outlive the store that saved them: reopened, it finds them in the state they were left in.</summary>
public sealed class ForecastJobStoreTests : IDisposable
{
    private static readonly ForecastRequest Request = new("draft-1", "2024-03", Language.Kk, "draft-2");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raglegal-jobs-");

    private string Path => System.IO.Path.Combine(_folder.FullName, "catalog.db");

    [Fact]
    public async Task A_saved_job_is_read_back_queued_with_its_request()
    {
        using var store = ForecastJobStore.Open(Path);

        var saved = await store.AddAsync(Request, "expert.aigerim", "expert", CancellationToken.None);
        var read = await store.GetAsync(saved.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal((ForecastJobStatus.Queued, Request, "expert.aigerim", "expert"), (read.Status, read.Request, read.RequestedBy, read.Role));
        Assert.Null(read.StartedAt);
        Assert.Null(await store.GetReportsAsync(saved.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_is_started_only_once()
    {
        using var store = ForecastJobStore.Open(Path);
        var job = await store.AddAsync(Request, "expert", "expert", CancellationToken.None);

        var first = await store.TryStartAsync(job.Id, CancellationToken.None);
        var second = await store.TryStartAsync(job.Id, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var running = await store.GetAsync(job.Id, CancellationToken.None);
        Assert.Equal(ForecastJobStatus.Running, running!.Status);
        Assert.NotNull(running.StartedAt);
    }

    [Fact]
    public async Task After_a_restart_queued_and_interrupted_jobs_are_queued_again_oldest_first_and_finished_ones_stay()
    {
        string queued, interrupted, done, failed;
        using (var store = ForecastJobStore.Open(Path))
        {
            interrupted = (await store.AddAsync(Request, "a", "expert", CancellationToken.None)).Id;
            queued = (await store.AddAsync(Request, "b", "expert", CancellationToken.None)).Id;
            done = (await store.AddAsync(Request, "c", "expert", CancellationToken.None)).Id;
            failed = (await store.AddAsync(Request, "d", "expert", CancellationToken.None)).Id;
            await store.TryStartAsync(interrupted, CancellationToken.None);
            await store.MarkStageAsync(interrupted, ForecastStage.Dependents, CancellationToken.None);
            await store.TryStartAsync(done, CancellationToken.None);
            await store.CompleteAsync(done, new ForecastReports("{\"title\":\"t\"}", "<html></html>", [1, 2, 3]), CancellationToken.None);
            await store.TryStartAsync(failed, CancellationToken.None);
            await store.FailAsync(failed, "The draft 'x' is not in the store.", CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = ForecastJobStore.Open(Path);
        var requeued = await reopened.RequeueUnfinishedAsync(CancellationToken.None);

        Assert.Equal([interrupted, queued], requeued.Select(j => j.Id));
        Assert.All(requeued, j => Assert.Equal((ForecastJobStatus.Queued, (ForecastStage?)null), (j.Status, j.Stage)));
        Assert.Empty(await reopened.GetStagesAsync(interrupted, CancellationToken.None));
        var reports = await reopened.GetReportsAsync(done, CancellationToken.None);
        Assert.Equal(("{\"title\":\"t\"}", "<html></html>"), (reports!.Json, reports.Html));
        Assert.Equal([1, 2, 3], reports.Docx);
        var failure = await reopened.GetAsync(failed, CancellationToken.None);
        Assert.Equal((ForecastJobStatus.Failed, "The draft 'x' is not in the store."), (failure!.Status, failure.Error));
        Assert.True(failure.IsFinished);
    }

    [Fact]
    public async Task The_steps_a_run_reached_are_kept_in_step_order_after_it_has_finished()
    {
        using var store = ForecastJobStore.Open(Path);
        var job = await store.AddAsync(Request, "a", "expert", CancellationToken.None);
        await store.TryStartAsync(job.Id, CancellationToken.None);
        await store.MarkStageAsync(job.Id, ForecastStage.Applying, CancellationToken.None);
        await store.MarkStageAsync(job.Id, ForecastStage.Terms, CancellationToken.None);
        await store.MarkStageAsync(job.Id, ForecastStage.Dependents, CancellationToken.None);
        await store.FailAsync(job.Id, "stopped", CancellationToken.None);

        var reached = await store.GetStagesAsync(job.Id, CancellationToken.None);

        Assert.Equal([ForecastStage.Applying, ForecastStage.Dependents, ForecastStage.Terms], reached.Select(s => s.Stage));
        Assert.All(reached, s => Assert.True(s.At >= job.CreatedAt));
        Assert.Empty(await store.GetStagesAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task Changing_a_job_that_does_not_exist_is_an_error_that_names_it()
    {
        using var store = ForecastJobStore.Open(Path);

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.MarkStageAsync("nope", ForecastStage.Terms, CancellationToken.None));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
