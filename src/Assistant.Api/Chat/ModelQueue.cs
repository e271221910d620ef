using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;

namespace Assistant.Api.Chat;

/// <summary>
/// The bounded queue in front of the chat model. A turn that answers with the model holds one of its Llm:Parallel
/// slots while it runs, or waits, first come first served, among at most Llm:QueueLength others; past that it is
/// refused at once as busy (503 with Retry-After) instead of piling up behind the model until clients time out. A
/// waiting turn whose client goes away leaves the queue at once and never takes a slot. Without a model answers are
/// extracts, which need no slot, and nothing waits.
/// </summary>
internal sealed partial class ModelQueue : IDisposable
{
    private readonly ConcurrencyLimiter? _slots;
    private readonly ModelOptions _options;
    private readonly ILogger<ModelQueue> _logger;

    /// <param name="model">The model's settings; null when no model answers.</param>
    public ModelQueue(ModelOptions? model, ILogger<ModelQueue> logger)
    {
        _options = model ?? new ModelOptions();
        _logger = logger;
        _slots = model is null ? null : new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = model.Parallel,
            QueueLimit = model.QueueLength,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Turns waiting for a slot now.</summary>
    public long Waiting => _slots?.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>
    /// Waits for a slot; the slot returned has <see cref="ModelSlot.Entered"/> false when the queue was full.
    /// Cancelling the token takes the turn out of the queue.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while the turn waited.</exception>
    public async ValueTask<ModelSlot> EnterAsync(CancellationToken cancellationToken) =>
        _slots is null ? ModelSlot.Unqueued : new ModelSlot(await _slots.AcquireAsync(1, cancellationToken));

    /// <summary>
    /// <see cref="EnterAsync"/> for a request: a slot entered is also released when the response has ended, however it
    /// ended, in case the turn never ran to give it back (a stream the client left before it began).
    /// </summary>
    public async ValueTask<ModelSlot> AdmitAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var slot = await EnterAsync(cancellationToken);
        http.Response.RegisterForDispose(slot);
        return slot;
    }

    /// <summary>The failure a turn refused by a full queue answers with, its Retry-After set.</summary>
    public ChatFailure Busy(HttpContext http)
    {
        QueueFull(_logger, _options.Parallel, _options.QueueLength);
        return RetryLater(http, new ChatFailure(
            StatusCodes.Status503ServiceUnavailable,
            "Busy",
            $"The model is answering {_options.Parallel} conversations with {_options.QueueLength} more waiting; try again in {_options.RetryAfterSeconds} s."));
    }

    /// <summary>A busy failure (the queue's, or the engine's own) gets Retry-After; others pass as they are.</summary>
    public ChatFailure RetryLater(HttpContext http, ChatFailure failure)
    {
        if (failure.Status == StatusCodes.Status503ServiceUnavailable && !http.Response.HasStarted)
        {
            http.Response.Headers.RetryAfter = _options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return failure;
    }

    public void Dispose() => _slots?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat turn refused as busy: {Parallel} slots taken and {QueueLength} turns waiting")]
    private static partial void QueueFull(ILogger logger, int parallel, int queueLength);
}

/// <summary>A turn's place at the model: held until disposed; <see cref="Entered"/> is false when the queue was full.</summary>
internal sealed class ModelSlot(RateLimitLease? lease) : IDisposable
{
    /// <summary>What a turn holds when no model answers: nothing to wait for.</summary>
    public static ModelSlot Unqueued { get; } = new(null);

    public bool Entered => lease?.IsAcquired ?? true;

    /// <summary>The items of a streamed turn, holding the slot until they end, so that the next turn may enter before the response closes.</summary>
    public async IAsyncEnumerable<T> HoldDuring<T>(IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose() => lease?.Dispose();
}
