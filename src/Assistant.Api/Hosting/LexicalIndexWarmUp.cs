using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Api.Hosting;

/// <summary>
/// Builds the catalog's in-memory lexical index right after start-up, and again once an ingest beside the API has
/// settled (the catalog generation unchanged for a Catalog:RefreshInterval), so that neither the first searches nor
/// those after an ingest wait for one to find it stale. The API serves meanwhile: searches rank in FTS5 until it is ready.
/// </summary>
internal sealed class LexicalIndexWarmUp(LegalCatalog catalog, IConfiguration configuration) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PrepareAsync(stoppingToken);
            if (catalog.LexicalIndex.Kind != LexicalIndexKind.Memory)
            {
                return;
            }

            using var timer = new PeriodicTimer(configuration.GetValue("Catalog:RefreshInterval", TimeSpan.FromSeconds(2)));
            var seen = -1L;
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                seen = await CatchUpAsync(seen, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <returns>The generation seen now, to compare with at the next tick.</returns>
    private async Task<long> CatchUpAsync(long seen, CancellationToken cancellationToken)
    {
        try
        {
            var generation = catalog.Generation;
            // Rebuilding at every save of a running ingest would compete with it for the cores: wait until saves stop.
            if (generation == seen && catalog.LexicalIndex is { Current: false, Building: false })
            {
                await PrepareAsync(cancellationToken);
            }

            return generation;
        }
        catch (SqliteException)
        {
            // A read the catalog refused now is tried again at the next tick.
            return seen;
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            await catalog.PrepareLexicalIndexAsync(cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException or IOException or OutOfMemoryException)
        {
            // The catalog logged the failure; searches stay on FTS5, and the next stale search tries again.
        }
    }
}
