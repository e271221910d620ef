namespace Assistant.Indexer.Terminal;

/// <summary>
/// Reports progress on the reporting thread. Unlike <see cref="Progress{T}"/> it posts nothing to the thread
/// pool, so no report can arrive after the work (and its progress bar) has finished.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
