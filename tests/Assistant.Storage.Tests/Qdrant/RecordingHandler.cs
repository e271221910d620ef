using System.Net;
using System.Text;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>Plays Qdrant: records each request and answers with the next queued answer, in order.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Answer(HttpStatusCode status, string? fixture = null)
    {
        var json = fixture is null ? null : QdrantFixtures.Read(fixture);
        _answers.Enqueue(_ => Task.FromResult(new HttpResponseMessage(status)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        }));
        return this;
    }

    public RecordingHandler Ok(string fixture) => Answer(HttpStatusCode.OK, fixture);

    public RecordingHandler Fail(Exception exception)
    {
        _answers.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>An attempt that never answers: only its time limit ends it.</summary>
    public RecordingHandler Hang()
    {
        _answers.Enqueue(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public int Unanswered => _answers.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var apiKey = request.Headers.TryGetValues("api-key", out var values) ? values.Single() : null;
        Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, apiKey, body, request.Content?.Headers.ContentType?.MediaType));
        if (_answers.Count == 0)
        {
            throw new InvalidOperationException($"No answer queued for {request.Method} {request.RequestUri.PathAndQuery}.");
        }

        return await _answers.Dequeue()(cancellationToken);
    }
}
