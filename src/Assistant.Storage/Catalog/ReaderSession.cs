using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>One read connection with the search and reader over it; used by one caller at a time.</summary>
internal sealed class ReaderSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly NormSearch _search;
    private readonly CatalogReader _reader;
    private long _generation;

    public ReaderSession(SqliteConnection connection, long generation)
    {
        _connection = connection;
        _search = new NormSearch(connection);
        _reader = new CatalogReader(connection);
        _generation = generation;
    }

    /// <summary>
    /// Runs <paramref name="read"/> in one read transaction, so that it sees a single commit even while an act is
    /// being replaced. <paramref name="generation"/> is the catalog's count of saves, read before the transaction
    /// starts: when it moved on, what the search cached of older commits is dropped.
    /// </summary>
    public T Read<T>(long generation, Func<NormSearch, CatalogReader, T> read)
    {
        if (generation != _generation)
        {
            _search.Invalidate();
            _generation = generation;
        }

        using var transaction = _connection.BeginTransaction(deferred: true);
        var result = read(_search, _reader);
        transaction.Commit();
        return result;
    }

    public void Dispose() => _connection.Dispose();
}
