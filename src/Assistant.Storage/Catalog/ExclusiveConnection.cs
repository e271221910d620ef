using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>A connection that callers from any thread take turns on, waiting without blocking a thread.</summary>
internal sealed class ExclusiveConnection(SqliteConnection connection) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> UseAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work(connection);
        }
        finally
        {
            _turn.Release();
        }
    }

    public Task UseAsync(Action<SqliteConnection> work, CancellationToken cancellationToken) =>
        UseAsync(
            connection =>
            {
                work(connection);
                return true;
            },
            cancellationToken);

    public void Dispose()
    {
        _turn.Dispose();
        connection.Dispose();
    }
}
