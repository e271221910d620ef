using Assistant.Storage.Qdrant;
using Assistant.Storage.Retrieval;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Retrieval;

/// <summary>
/// Follows the indexer's writes while the API runs: every Vectors:RefreshInterval dense retrieval catches up with the
/// vector index and the model folder, so that vectors embedded after start-up are searched without a restart.
/// </summary>
internal sealed partial class VectorIndexRefresh(DenseRetrieval dense, IOptions<VectorStoreOptions> options, ILogger<VectorIndexRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        string? failure = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await dense.RefreshAsync(stoppingToken);
                    failure = null;
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or QdrantRequestException)
                {
                    // The vectors served stay; a damaged index is logged once, not at every tick.
                    if (e.Message != failure)
                    {
                        RefreshFailed(logger, e);
                    }

                    failure = e.Message;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The vector index could not be refreshed; searches go on over the vectors read before")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);
}
