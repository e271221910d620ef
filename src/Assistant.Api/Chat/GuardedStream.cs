using System.Runtime.CompilerServices;

namespace Assistant.Api.Chat;

/// <summary>One step of a guarded stream: the next item, or the failure that ends the stream.</summary>
internal readonly record struct StreamStep<T>(T Item, ChatFailure? Failure);

/// <summary>
/// A stream whose failure, once the response has begun, travels inside it: its headers are sent, so the status can no
/// longer say it, and the next request is unaffected. What the chat's events, the grounded completions and the raw
/// model's completions all do.
/// </summary>
internal static class GuardedStream
{
    /// <summary>
    /// The items of <paramref name="source"/>; when moving to the next one throws an exception that
    /// <paramref name="failure"/> maps to a failure, that failure is the last step. Cancellation, and exceptions it maps
    /// to null, propagate.
    /// </summary>
    public static async IAsyncEnumerable<StreamStep<T>> Of<T>(IAsyncEnumerable<T> source, Func<Exception, ChatFailure?> failure, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ChatFailure? failed = null;
                bool more;
                try
                {
                    more = await items.MoveNextAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException && failure(e) is { } mapped)
                {
                    (more, failed) = (false, mapped);
                }

                if (failed is not null)
                {
                    yield return new StreamStep<T>(default!, failed);
                }

                if (!more)
                {
                    yield break;
                }

                yield return new StreamStep<T>(items.Current, null);
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }
}
