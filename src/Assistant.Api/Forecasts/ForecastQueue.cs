using System.Threading.Channels;
using Assistant.Core.Forecasts;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Forecasts;

/// <summary>
/// The queue of forecast jobs: jobs are kept in the store first and queued after, and at start the jobs a stopped
/// service left unfinished are queued again, so none is lost. At most <see cref="ForecastOptions.MaxConcurrent"/> run at once.
/// </summary>
internal sealed partial class ForecastQueue(IForecastJobStore jobs, ForecastRunner runner, IOptions<ForecastOptions> options, ILogger<ForecastQueue> logger) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });

    public async Task<ForecastJob> EnqueueAsync(ForecastRequest request, string user, string role, CancellationToken cancellationToken)
    {
        var job = await jobs.AddAsync(request, user, role, cancellationToken);
        _queue.Writer.TryWrite(job.Id);
        LogQueued(job.Id, request.DraftId, user);
        return job;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var job in await jobs.RequeueUnfinishedAsync(stoppingToken))
        {
            _queue.Writer.TryWrite(job.Id);
            LogResumed(job.Id, job.CreatedAt);
        }

        // A job queued both here and by EnqueueAsync runs once: the runner starts only a job still queued in the store.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrent), CancellationToken = stoppingToken };
        try
        {
            await Parallel.ForEachAsync(_queue.Reader.ReadAllAsync(stoppingToken), parallel, RunAsync);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: unfinished jobs stay in the store and are queued again at the next start.
        }
    }

    /// <summary>A job whose store cannot be read or written is logged and left as it stands; the queue goes on with the next.</summary>
    private async ValueTask RunAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(id, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogNotRun(error, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Forecast {JobId} could not be run; it stays as the store holds it")]
    private partial void LogNotRun(Exception error, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast {JobId} of draft {DraftId} queued by {User}")]
    private partial void LogQueued(string jobId, string draftId, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast {JobId}, queued at {CreatedAt}, queued again after a restart")]
    private partial void LogResumed(string jobId, DateTimeOffset createdAt);
}
