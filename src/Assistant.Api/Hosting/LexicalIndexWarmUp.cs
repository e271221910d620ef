using Assistant.Storage.Catalog;

namespace Assistant.Api.Hosting;

/// <summary>
/// Builds the catalog's in-memory lexical index right after start-up, so that the first searches need not wait
/// for one to find it missing. The API serves meanwhile: searches rank in FTS5 until it is ready.
/// </summary>
internal sealed partial class LexicalIndexWarmUp(LegalCatalog catalog, ILogger<LexicalIndexWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await catalog.PrepareLexicalIndexAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidDataException or IOException)
        {
            Failed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The in-memory lexical index could not be built at start-up; searches rank in FTS5")]
    private static partial void Failed(ILogger logger, Exception exception);
}
