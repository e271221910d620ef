using Assistant.Storage.Catalog;

namespace Assistant.Api.Hosting;

/// <summary>
/// Builds the catalog's in-memory lexical index right after start-up, so that the first searches need not wait
/// for one to find it missing. The API serves meanwhile: searches rank in FTS5 until it is ready.
/// </summary>
internal sealed class LexicalIndexWarmUp(LegalCatalog catalog) : BackgroundService
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
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidDataException or IOException or OutOfMemoryException)
        {
            // The catalog logged the failure; searches stay on FTS5, and the next stale search tries again.
        }
    }
}
