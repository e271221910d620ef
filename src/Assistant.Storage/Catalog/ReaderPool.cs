using System.Collections.Concurrent;
using Assistant.Storage.Catalog.Lexical;

namespace Assistant.Storage.Catalog;

/// <summary>
/// Reader sessions handed out one caller each, so that reads run side by side; sessions are opened as callers
/// first need them, up to the pool's size, and callers beyond it wait for one to come back.
/// </summary>
internal sealed class ReaderPool(string fullPath, int size, LiveTermIndex? termIndex) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(size, size);
    private readonly ConcurrentBag<ReaderSession> _idle = [];
    private readonly ConcurrentQueue<ReaderSession> _opened = new();
    public T Read<T>(Func<NormSearch, CatalogReader, T> read)
    {
        _slots.Wait();
        try
        {
            var session = _idle.TryTake(out var idle) ? idle : Open();
            try
            {
                return session.Read(read);
            }
            finally
            {
                _idle.Add(session);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        foreach (var session in _opened)
        {
            session.Dispose();
        }

        _slots.Dispose();
    }

    private ReaderSession Open()
    {
        var session = new ReaderSession(CatalogFile.OpenReader(fullPath), termIndex);
        _opened.Enqueue(session);
        return session;
    }
}
