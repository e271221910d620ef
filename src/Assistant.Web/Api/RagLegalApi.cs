using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;

namespace Assistant.Web.Api;

/// <summary>
/// The RagLegal API as the pages call it, each call with a fresh token of the person signed in (scoped to their
/// circuit, so it always knows who that is).
/// </summary>
public sealed class RagLegalApi(HttpClient http, AuthenticationStateProvider authentication, ApiTokens tokens)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The question's answer as it streams: sources, text as the model writes it, the verified answer, timings.</summary>
    public async IAsyncEnumerable<ChatEvent> AskAsync(ChatQuestion question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Post, "/v1/chat");
        request.Content = JsonContent.Create(new { question.ConversationId, question.Messages, question.Lang, question.AsOf, stream = true }, options: Json);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            yield return item.EventType switch
            {
                "sources" => Read<SourcesReceived>(item.Data),
                "delta" => Read<TextReceived>(item.Data),
                "citations" => new AnswerVerified(Read<VerifiedAnswer>(item.Data)),
                "done" => Read<AnswerFinished>(item.Data),
                "error" => new AnswerFailed(JsonDocument.Parse(item.Data).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? item.Data : item.Data),
                _ => new TextReceived(string.Empty),
            };
        }
    }

    public Task<IReadOnlyList<ConversationSummary>> ConversationsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<ConversationSummary>>("/v1/conversations", cancellationToken);

    public Task<Conversation> ConversationAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<Conversation>($"/v1/conversations/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task SendFeedbackAsync(AnswerFeedback feedback, CancellationToken cancellationToken) =>
        PostAsync("/v1/feedback", feedback, cancellationToken);

    public Task<IReadOnlyList<FeedbackEntry>> FeedbackAsync(string? kind, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<FeedbackEntry>>(kind is null ? "/v1/feedback" : $"/v1/feedback?kind={Uri.EscapeDataString(kind)}", cancellationToken);

    public Task<Norm> NormAsync(string id, string? lang, string? asOf, CancellationToken cancellationToken)
    {
        var query = string.Join('&', new[] { lang is null ? null : $"lang={lang}", asOf is null ? null : $"asOf={asOf}" }.Where(q => q is not null));
        return GetAsync<Norm>($"/v1/norms/{NormPath(id)}{(query.Length > 0 ? "?" + query : string.Empty)}", cancellationToken);
    }

    public Task<Act> ActAsync(string id, string lang, CancellationToken cancellationToken) =>
        GetAsync<Act>($"/v1/acts/{Uri.EscapeDataString(id)}?lang={lang}", cancellationToken);

    public Task<ActChanges> ChangesAsync(string act, string from, string lang, CancellationToken cancellationToken) =>
        GetAsync<ActChanges>($"/v1/acts/{Uri.EscapeDataString(act)}/changes?from={Uri.EscapeDataString(from)}&lang={lang}", cancellationToken);

    public Task<IReadOnlyList<DraftSummary>> DraftsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<DraftSummary>>("/v1/drafts", cancellationToken);

    public Task<Draft> DraftAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<Draft>($"/v1/drafts/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>Submits a draft as text, or as the file an expert uploaded (.docx or .txt).</summary>
    public async Task<Draft> SubmitDraftAsync(string? title, string? lang, string? text, (Stream Content, string Name)? file, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Post, "/v1/drafts");
        if (file is { } upload)
        {
            var form = new MultipartFormDataContent { { new StreamContent(upload.Content), "file", upload.Name } };
            AddField(form, "title", title);
            AddField(form, "lang", lang);
            request.Content = form;
        }
        else
        {
            request.Content = JsonContent.Create(new { title, text, lang }, options: Json);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<Draft>(Json, cancellationToken))!;
    }

    public Task<IReadOnlyList<ForecastJob>> ForecastsAsync(string draftId, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<ForecastJob>>($"/v1/drafts/{Uri.EscapeDataString(draftId)}/forecasts", cancellationToken);

    public async Task<ForecastJob> StartForecastAsync(string draftId, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Post, $"/v1/drafts/{Uri.EscapeDataString(draftId)}/forecasts");
        request.Content = JsonContent.Create(new { }, options: Json);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<ForecastJob>(Json, cancellationToken))!;
    }

    public Task<ForecastJob> ForecastAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<ForecastJob>($"/v1/forecasts/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>The job as it changes, until it succeeds or fails.</summary>
    public async IAsyncEnumerable<ForecastJob> FollowForecastAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Get, $"/v1/forecasts/{Uri.EscapeDataString(id)}/events");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            yield return Read<ForecastJob>(item.Data);
        }
    }

    /// <summary>The forecast as a Word document, for the export link.</summary>
    public async Task<byte[]> ForecastDocxAsync(string id, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Get, $"/v1/forecasts/{Uri.EscapeDataString(id)}/report.docx");
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Audit entries in [since, until), of one user or role when given, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AuditAsync(DateTimeOffset? since, DateTimeOffset? until, string? user, string? role, int limit, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        AddQuery(query, "since", since?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        AddQuery(query, "until", until?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        AddQuery(query, "user", user);
        AddQuery(query, "role", role);
        using var request = await RequestAsync(HttpMethod.Get, "/v1/audit" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var newest = new LinkedList<AuditRecord>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            newest.AddFirst(Read<AuditRecord>(line));
            if (newest.Count > limit)
            {
                newest.RemoveLast();
            }
        }

        return [.. newest];
    }

    /// <summary>Puts the draft up for public discussion until <paramref name="closesAt"/>, or moves that date.</summary>
    public Task<Publication> PublishDraftAsync(string draftId, DateTimeOffset closesAt, CancellationToken cancellationToken) =>
        SendAsync<Publication>(HttpMethod.Post, $"/v1/drafts/{Uri.EscapeDataString(draftId)}/publication", new { closesAt }, cancellationToken);

    /// <summary>Takes the draft off the portal; its comments are kept.</summary>
    public async Task WithdrawDraftAsync(string draftId, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Delete, $"/v1/drafts/{Uri.EscapeDataString(draftId)}/publication");
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Public comments in one status (pending, published or rejected), of one draft when given.</summary>
    public Task<IReadOnlyList<ModeratedComment>> ModeratedCommentsAsync(string status, string? draftId, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<ModeratedComment>>($"/v1/moderation/comments?status={Uri.EscapeDataString(status)}{(draftId is null ? string.Empty : "&draft=" + Uri.EscapeDataString(draftId))}", cancellationToken);

    public Task<ModeratedComment> PublishCommentAsync(long commentId, CancellationToken cancellationToken) =>
        SendAsync<ModeratedComment>(HttpMethod.Post, $"/v1/moderation/comments/{commentId}/publish", new { }, cancellationToken);

    public Task<ModeratedComment> RejectCommentAsync(long commentId, string reason, CancellationToken cancellationToken) =>
        SendAsync<ModeratedComment>(HttpMethod.Post, $"/v1/moderation/comments/{commentId}/reject", new { reason }, cancellationToken);

    /// <summary>The drafting body's reply under a published comment.</summary>
    public Task ReplyToCommentAsync(long commentId, string text, CancellationToken cancellationToken) =>
        PostAsync($"/v1/moderation/comments/{commentId}/reply", new { text }, cancellationToken);

    public Task<IReadOnlyList<ModerationEntry>> ModerationLogAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<ModerationEntry>>("/v1/moderation/log", cancellationToken);

    /// <summary>What the published comments on the draft say, on one of its articles when given.</summary>
    public Task<Discussion> DiscussionAsync(string draftId, string? article, CancellationToken cancellationToken) =>
        GetAsync<Discussion>($"/v1/drafts/{Uri.EscapeDataString(draftId)}/discussion?lang={Hosting.Cultures.Current}{(article is null ? string.Empty : "&article=" + Uri.EscapeDataString(article))}", cancellationToken);

    /// <summary>A norm id in a URL path: its slashes stay (the API takes the rest of the path), each segment escaped.</summary>
    private static string NormPath(string id) => string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    private static void AddQuery(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static void AddField(MultipartFormDataContent form, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            form.Add(new StringContent(value), name);
        }
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException($"The API sent null where a {typeof(T).Name} was expected.");

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private async Task PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Post, path);
        request.Content = JsonContent.Create(body, options: Json);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(method, path);
        request.Content = JsonContent.Create(body, options: Json);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));

        // The API words its problems in the page's language; the pages show its detail after their own lead.
        request.Headers.AcceptLanguage.ParseAdd(Cultures.Current);
        var state = await authentication.GetAuthenticationStateAsync();
        if (tokens.For(state.User) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>Throws the API's problem (status, title, detail) unless the call succeeded.</summary>
    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? detail = null;
        string? title = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                detail = problem.RootElement.TryGetProperty("detail", out var value) ? value.GetString() : null;
                title = problem.RootElement.TryGetProperty("title", out var named) ? named.GetString() : null;
            }
            catch (JsonException)
            {
                detail = null;
            }
        }

        throw new ApiProblemException(response.StatusCode == 0 ? HttpStatusCode.BadGateway : response.StatusCode, detail, title);
    }
}
