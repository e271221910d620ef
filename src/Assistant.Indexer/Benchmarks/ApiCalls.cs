using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Assistant.Indexer.Benchmarks;

/// <summary>How one call to the API went: its status, whether a refusal said when to retry, and how long it took.</summary>
internal readonly record struct CallOutcome(HttpStatusCode Status, bool RetryAfter, TimeSpan Elapsed)
{
    public bool Served => (int)Status is >= 200 and < 300;

    public bool Throttled => Status == HttpStatusCode.TooManyRequests;

    public bool ServerError => (int)Status >= 500;
}

/// <summary>The calls the load benchmarks make to a running API on loopback, each timed until its body has been read.</summary>
internal sealed class ApiCalls(Uri baseAddress, int connections) : IDisposable
{
    private static readonly Uri Chat = new("/v1/chat", UriKind.Relative);
    private static readonly Uri Search = new("/v1/search", UriKind.Relative);

    private readonly SocketsHttpHandler _handler = new() { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    private HttpClient? _http;

    private HttpClient Http => _http ??= new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A whole (not streamed) chat answer to one question in a new conversation, as the token's user.</summary>
    public Task<CallOutcome> ChatAsync(string token, string question, CancellationToken cancellationToken) =>
        TimeAsync(() => new HttpRequestMessage(HttpMethod.Post, Chat)
        {
            Content = JsonContent.Create(new { messages = new[] { new { role = "user", content = question } }, stream = false }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        }, cancellationToken);

    public Task<CallOutcome> SearchAsync(string query, CancellationToken cancellationToken) =>
        TimeAsync(() => new HttpRequestMessage(HttpMethod.Post, Search) { Content = JsonContent.Create(new { query, top = 10 }) }, cancellationToken);

    public Task<CallOutcome> NormAsync(string normId, CancellationToken cancellationToken) =>
        TimeAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/norms/" + string.Join('/', normId.Split('/').Select(Uri.EscapeDataString)), UriKind.Relative)), cancellationToken);

    /// <summary>The norm ids a search finds, to read them back later.</summary>
    public async Task<IReadOnlyList<string>> FindNormsAsync(string query, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync(Search, new { query, top = 10 }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var found = await response.Content.ReadFromJsonAsync<FoundNorms>(cancellationToken);
        return [.. found?.Hits?.Select(hit => hit.NormId).OfType<string>() ?? []];
    }

    public void Dispose()
    {
        _http?.Dispose();
        _handler.Dispose();
    }

    private async Task<CallOutcome> TimeAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var message = request();
        using var response = await Http.SendAsync(message, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return new CallOutcome(response.StatusCode, response.Headers.RetryAfter is not null, Stopwatch.GetElapsedTime(started));
    }

    private sealed record FoundNorms(IReadOnlyList<FoundNorm>? Hits);

    private sealed record FoundNorm(string? NormId);
}
