using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Catalog.Lexical;

/// <summary>
/// Keeps a <see cref="TermIndex"/> of the catalog's latest generation. A small catalog is indexed inside the search
/// that finds the index stale; a large one in the background, while searches use FTS5 until it is ready.
/// </summary>
internal sealed class LiveTermIndex(string catalogPath, ILogger logger) : IDisposable
{
    /// <summary>Up to this many top-level norms, indexing takes a few milliseconds: cheaper than a fallback search.</summary>
    public const long InlineUpTo = 20_000;

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private TermIndex? _index;
    private Task? _building;

    /// <summary>The newest index built, current or not.</summary>
    public TermIndex? Latest => Volatile.Read(ref _index);

    /// <summary>True while a background build runs.</summary>
    public bool Building
    {
        get
        {
            lock (_gate)
            {
                return _building is { IsCompleted: false };
            }
        }
    }

    /// <summary>The index of <paramref name="generation"/>, or null when it is being built and FTS5 must answer.</summary>
    /// <param name="connection">In a read transaction that saw <paramref name="generation"/>.</param>
    public TermIndex? For(SqliteConnection connection, long generation, long norms)
    {
        var index = Latest;
        if (index?.Generation == generation)
        {
            return index;
        }

        if (norms <= InlineUpTo)
        {
            return Publish(TermIndexBuilder.Build(connection, _disposed.Token));
        }

        StartBuilding();
        return null;
    }

    /// <summary>Builds the index of the catalog as it is now (joining a build under way), unless the latest one already is.</summary>
    /// <exception cref="SqliteException">Reading the catalog failed; searches stay on FTS5.</exception>
    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        // A build under way may have started before the latest save: the second one then catches up.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await StartBuilding().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        Task? building;
        lock (_gate)
        {
            building = _building;
        }

        // The build reads through its own connection: it must be done before the catalog's files may go. How it
        // ended was logged, or does not matter now.
        try
        {
            building?.Wait();
        }
        catch (AggregateException)
        {
        }

        _disposed.Dispose();
    }

    private Task StartBuilding()
    {
        lock (_gate)
        {
            if (_building is null || _building.IsCompleted)
            {
                _building = Task.Run(BuildInBackground);
            }

            return _building;
        }
    }

    private void BuildInBackground()
    {
        try
        {
            Build(_disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException or IOException or OutOfMemoryException)
        {
            LexicalIndexLog.BuildFailed(logger, e);
            throw;
        }
    }

    private TermIndex Build(CancellationToken cancellationToken)
    {
        using var connection = CatalogFile.OpenReader(catalogPath);
        using var transaction = connection.BeginTransaction(deferred: true);
        var latest = Latest;
        if (latest is not null && latest.Generation == CatalogGeneration.Read(connection))
        {
            return latest;
        }

        var started = Stopwatch.GetTimestamp();
        var index = TermIndexBuilder.Build(connection, cancellationToken);
        LexicalIndexLog.Built(logger, index.Generation, index.Norms, index.Terms, index.Postings, index.ApproximateBytes / (1024 * 1024), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Publish(index);
    }

    /// <summary>Keeps the newer of the published and the given index; generations only grow.</summary>
    private TermIndex Publish(TermIndex index)
    {
        lock (_gate)
        {
            if (_index is null || index.Generation > _index.Generation)
            {
                _index = index;
            }

            return index;
        }
    }
}

internal static partial class LexicalIndexLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical index in memory for catalog generation {Generation}: {Norms} norms, {Terms} terms, {Postings} postings, about {Megabytes} MB, built in {Milliseconds} ms")]
    public static partial void Built(ILogger logger, long generation, int norms, int terms, int postings, long megabytes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the in-memory lexical index failed; searches stay on FTS5")]
    public static partial void BuildFailed(ILogger logger, Exception exception);
}
