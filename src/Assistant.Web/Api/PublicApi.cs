using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Web.Hosting;

namespace Assistant.Web.Api;

/// <summary>
/// The API's public portal, called for an anonymous visitor: no token, but the visitor's id and address, by which
/// the API rate-limits and counts one support per visitor.
/// </summary>
public sealed class PublicApi(HttpClient http, CurrentVisitor visitor)
{
    public const string VisitorHeader = "X-RagLegal-Visitor";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task<IReadOnlyList<PublicDraftSummary>> DraftsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<PublicDraftSummary>>("/v1/public/drafts", cancellationToken);

    public Task<PublicDraft> DraftAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<PublicDraft>(DraftPath(id), cancellationToken);

    /// <summary>A question about the draft; the answer cites the draft and the acts it amends, or abstains.</summary>
    public Task<PublicAnswer> AskAsync(string draftId, string question, string lang, CancellationToken cancellationToken) =>
        PostAsync<PublicAnswer>($"{DraftPath(draftId)}/questions", new { question, lang }, cancellationToken);

    /// <summary>Submits a comment; it is published only once a moderator has read it.</summary>
    public Task<CommentReceipt> CommentAsync(string draftId, CommentSubmission comment, CancellationToken cancellationToken) =>
        PostAsync<CommentReceipt>($"{DraftPath(draftId)}/comments", comment, cancellationToken);

    /// <summary>Published comments, on one article when given, newest or most supported first.</summary>
    public Task<IReadOnlyList<PublicComment>> CommentsAsync(string draftId, string? article, string sort, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<PublicComment>>($"{DraftPath(draftId)}/comments?sort={sort}{(article is null ? string.Empty : "&article=" + Uri.EscapeDataString(article))}", cancellationToken);

    public Task<SupportCount> SupportAsync(string draftId, long commentId, CancellationToken cancellationToken) =>
        PostAsync<SupportCount>($"{DraftPath(draftId)}/comments/{commentId}/support", new { }, cancellationToken);

    /// <summary>The published comments as open data (CSV), for the export link.</summary>
    public async Task<byte[]> CommentsCsvAsync(string draftId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"{DraftPath(draftId)}/comments.csv");
        using var response = await http.SendAsync(request, cancellationToken);
        await RagLegalApi.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static string DraftPath(string id) => $"/v1/public/drafts/{Uri.EscapeDataString(id)}";

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, cancellationToken);
        await RagLegalApi.EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, path);
        request.Content = JsonContent.Create(body, options: Json);
        using var response = await http.SendAsync(request, cancellationToken);
        await RagLegalApi.EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(Cultures.Current);
        if (visitor.Value is { } who)
        {
            request.Headers.Add(VisitorHeader, who.Id);
            request.Headers.Add("X-Forwarded-For", who.Address);
        }

        return request;
    }
}
