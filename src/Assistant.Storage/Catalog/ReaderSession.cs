using Assistant.Storage.Catalog.Lexical;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>One read connection with the search and reader over it; used by one caller at a time.</summary>
internal sealed class ReaderSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly NormSearch _search;
    private readonly CatalogReader _reader;

    public ReaderSession(SqliteConnection connection, LiveTermIndex? termIndex)
    {
        _connection = connection;
        _search = new NormSearch(connection, termIndex);
        _reader = new CatalogReader(connection);
    }

    /// <summary>
    /// Runs <paramref name="read"/> in one read transaction, so that it sees a single commit even while an act is
    /// being replaced.
    /// </summary>
    public T Read<T>(Func<NormSearch, CatalogReader, T> read)
    {
        using var transaction = _connection.BeginTransaction(deferred: true);
        var result = read(_search, _reader);
        transaction.Commit();
        return result;
    }

    public void Dispose() => _connection.Dispose();
}
