using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Access;
using Assistant.Web.Tests.Hosting;

namespace Assistant.Web.Tests.Browser;

/// <summary>
/// Drafts and comments for the public portal's tests, made through the API as its users would: an expert submits
/// and publishes, visitors comment (each with their own id), a moderator publishes the comments.
/// </summary>
internal sealed class PublicSeed(WebAndApi stack) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = stack.ApiUrl };

    /// <summary>Submits the draft as an expert and returns its id.</summary>
    public async Task<string> SubmitDraftAsync(string title, IEnumerable<string> lines)
    {
        using var request = Request(HttpMethod.Post, "/v1/drafts", WebAndApi.Token("expert.seed", AccessRole.Expert));
        request.Content = JsonContent.Create(new { title, text = string.Join('\n', lines), lang = "ru" });
        return (await SendAsync(request)).GetProperty("id").GetString()!;
    }

    /// <summary>Puts the draft up for discussion for a month.</summary>
    public async Task PublishDraftAsync(string draftId)
    {
        using var request = Request(HttpMethod.Post, $"/v1/drafts/{draftId}/publication", WebAndApi.Token("expert.seed", AccessRole.Expert));
        request.Content = JsonContent.Create(new { closesAt = DateTimeOffset.UtcNow.AddDays(30) });
        await SendAsync(request);
    }

    /// <summary>A visitor's comment, left pending; returns its id.</summary>
    public async Task<long> CommentAsync(string draftId, string visitor, string text, string? article = null)
    {
        using var request = Request(HttpMethod.Post, $"/v1/public/drafts/{draftId}/comments", null);
        request.Headers.Add("X-RagLegal-Visitor", visitor);
        request.Content = JsonContent.Create(new { text, article });
        return (await SendAsync(request)).GetProperty("id").GetInt64();
    }

    /// <summary>Publishes every pending comment on the draft, as a moderator.</summary>
    public async Task PublishCommentsAsync(string draftId)
    {
        var token = WebAndApi.Token("moderator.seed", AccessRole.Moderator);
        using var list = Request(HttpMethod.Get, $"/v1/moderation/comments?status=pending&draft={draftId}", token);
        foreach (var comment in (await SendAsync(list)).EnumerateArray())
        {
            using var publish = Request(HttpMethod.Post, $"/v1/moderation/comments/{comment.GetProperty("id").GetInt64()}/publish", token);
            publish.Content = JsonContent.Create(new { });
            await SendAsync(publish);
        }
    }

    /// <summary>The draft's own articles, as comments name them.</summary>
    public async Task<IReadOnlyList<string>> ArticlesAsync(string draftId)
    {
        using var request = Request(HttpMethod.Get, $"/v1/public/drafts/{draftId}", null);
        return [.. (await SendAsync(request)).GetProperty("outline").EnumerateArray().Select(a => a.GetProperty("article").GetString()!)];
    }

    /// <summary>The draft's published comments as an anonymous visitor reads them from the API.</summary>
    public async Task<string> PublishedCommentsAsync(string draftId)
    {
        using var request = Request(HttpMethod.Get, $"/v1/public/drafts/{draftId}/comments", null);
        return (await SendAsync(request)).GetRawText();
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
