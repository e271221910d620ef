using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Sends REST requests to Qdrant: each attempt has its own time limit; 5xx, 429, timeouts and connection failures
/// are retried with exponential backoff and jitter, other answers are final. A refusal becomes a
/// <see cref="QdrantRequestException"/> carrying Qdrant's message.
/// </summary>
internal sealed class QdrantConnection
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly ResiliencePropertyKey<string> RequestName = new("qdrant.request");

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string? _apiKey;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public QdrantConnection(HttpClient http, QdrantOptions options, ILogger logger)
    {
        _http = http;
        _baseUrl = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");
        _apiKey = options.ApiKey;
        _pipeline = BuildPipeline(options, logger);
    }

    /// <summary>Sends the request and returns Qdrant's answer; null when it answered 404 and <paramref name="notFoundIsNull"/>.</summary>
    /// <param name="path">Relative to the base address, without a leading slash: "collections/norms/points?wait=true".</param>
    public async Task<JsonDocument?> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        var request = new PendingRequest(method, new Uri(_baseUrl, path), body);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestName, $"{method.Method} /{path}");
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (context, state) => state.Connection.SendOnceAsync(state.Request, context.CancellationToken),
                context,
                (Connection: this, Request: request)).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransient(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw new QdrantRequestException(method.Method, "/" + path, null, null, exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new QdrantRequestException(method.Method, "/" + path, response.StatusCode, ErrorMessage(content));
            }

            return JsonDocument.Parse(content);
        }
    }

    /// <summary>One attempt: a request message can be sent only once, so each attempt builds its own.</summary>
    private async ValueTask<HttpResponseMessage> SendOnceAsync(PendingRequest pending, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(pending.Method, pending.Uri);
        if (pending.Body is not null)
        {
            request.Content = new ByteArrayContent(pending.Body);
            request.Content.Headers.ContentType = Json;
        }

        if (_apiKey is not null)
        {
            request.Headers.Add("api-key", _apiKey);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(QdrantOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.RetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.RetryCount,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<Exception>(IsTransient)
                    .HandleResult(response => IsTransient(response.StatusCode)),
                OnRetry = arguments =>
                {
                    var outcome = arguments.Outcome.Result is { } result
                        ? $"{(int)result.StatusCode} {result.StatusCode}"
                        : arguments.Outcome.Exception?.GetType().Name ?? "no answer";
                    QdrantLog.Retrying(
                        logger,
                        arguments.Context.Properties.GetValue(RequestName, "request"),
                        outcome,
                        arguments.AttemptNumber + 1,
                        arguments.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private static bool IsTransient(Exception exception) => exception
        is HttpRequestException
        or TimeoutRejectedException
        or TaskCanceledException { InnerException: TimeoutException };

    /// <summary>Qdrant's status.error; otherwise the start of the body, as a proxy may have answered.</summary>
    private static string? ErrorMessage(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }

        var text = Encoding.UTF8.GetString(content).Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    private sealed record PendingRequest(HttpMethod Method, Uri Uri, byte[]? Body);
}
