using Grpc.Core;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Makes unary gRPC calls to Qdrant: each attempt has its own deadline; unavailable, deadline exceeded, resource
/// exhausted, aborted and internal are retried with exponential backoff and jitter, other statuses are final. A
/// failure becomes a <see cref="QdrantRequestException"/> naming the collection and the operation.
/// </summary>
internal sealed class QdrantCalls
{
    private static readonly ResiliencePropertyKey<string> OperationName = new("qdrant.operation");

    private readonly QdrantOptions _options;
    private readonly ResiliencePipeline _pipeline;

    public QdrantCalls(QdrantOptions options, ILogger logger)
    {
        _options = options;
        _pipeline = BuildPipeline(options, logger);
    }

    /// <param name="operation">What is asked, for errors and logs: "upsert points".</param>
    /// <param name="call">Starts one attempt with the options it is given (deadline, cancellation).</param>
    /// <exception cref="QdrantRequestException">Qdrant refused, or did not answer within the retries.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResponse> CallAsync<TResponse>(string operation, Func<CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationName, $"{operation} ({_options.Collection})");
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async context =>
                {
                    attempts++;
                    var options = new CallOptions(deadline: DateTime.UtcNow + _options.Timeout, cancellationToken: context.CancellationToken);
                    using var pending = call(options);
                    return await pending.ResponseAsync.ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (RpcException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The Qdrant call to {operation} was cancelled.", exception, cancellationToken);
        }
        catch (RpcException exception)
        {
            throw new QdrantRequestException(_options.Collection, operation, exception, attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline BuildPipeline(QdrantOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.RetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryCount,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(
                    exception => QdrantRequestException.IsTransient(exception.StatusCode)),
                OnRetry = arguments =>
                {
                    var outcome = arguments.Outcome.Exception is RpcException rpc ? rpc.StatusCode.ToString() : "no answer";
                    QdrantLog.Retrying(
                        logger,
                        arguments.Context.Properties.GetValue(OperationName, "call"),
                        outcome,
                        arguments.AttemptNumber + 1,
                        arguments.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }
}
