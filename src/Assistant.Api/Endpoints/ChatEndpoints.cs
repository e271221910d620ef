using System.Security.Claims;
using Assistant.Api.Chat;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Answers;
using Assistant.Core.Audit;
using Assistant.Core.Conversations;
using Assistant.Core.Editions;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Endpoints;

/// <summary>POST /v1/chat: grounded answers with verified citations, streamed as Server-Sent Events or whole.</summary>
internal static class ChatEndpoints
{
    public static void MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat", ChatAsync).WithTags("chat").WithName("chat").RequireChatAccess();
        app.MapGet("/v1/audit", ExportAudit).WithTags("audit").WithName("exportAudit").RequireAdminAccess();
    }

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    private static async Task<IResult> ChatAsync(ChatRequest request, HttpContext http, ChatTurns turns, IConversationStore conversations, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? "unnamed" : "anonymous";
        var role = http.User.FindFirstValue(ClaimTypes.Role) ?? "public";
        var (turn, problem) = await PrepareAsync(request, user, role, conversations, options.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (request.Stream ?? true)
        {
            return TypedResults.ServerSentEvents(turns.StreamAsync(turn!, cancellationToken));
        }

        try
        {
            return Results.Ok(await turns.AnswerAsync(turn!, cancellationToken));
        }
        catch (Exception e) when (ChatTurns.Failure(e) is { } failure)
        {
            return Results.Problem(detail: failure.Detail, statusCode: failure.Status, title: failure.Title);
        }
    }

    private static async Task<(PreparedTurn? Turn, IResult? Problem)> PrepareAsync(
        ChatRequest request, string user, string role, IConversationStore conversations, ApiOptions options, CancellationToken cancellationToken)
    {
        if (request.Messages is not { Count: > 0 } messages)
        {
            return (null, Problems.BadRequest("messages is empty: give at least the question as a message with role \"user\".", "messages"));
        }

        var history = new List<ConversationMessage>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (!Enum.TryParse<ConversationRole>(messages[i].Role, ignoreCase: true, out var messageRole) || int.TryParse(messages[i].Role, out _))
            {
                return (null, Problems.BadRequest($"messages[{i}].role is '{messages[i].Role}': use \"user\" or \"assistant\".", $"messages[{i}].role"));
            }

            history.Add(new ConversationMessage(messageRole, messages[i].Content ?? string.Empty, DateTimeOffset.UtcNow));
        }

        var question = history[^1];
        if (question.Role != ConversationRole.User)
        {
            return (null, Problems.BadRequest("The last message must be the question, with role \"user\".", "messages"));
        }

        if (RequestValidation.Question(question.Content, "question", options) is { } badQuestion)
        {
            return (null, badQuestion);
        }

        if (RequestValidation.Language(request.Lang, out var language) is { } badLanguage)
        {
            return (null, badLanguage);
        }

        if (RequestValidation.Language(request.Filters?.Lang, out var filterLanguage) is { } badFilter)
        {
            return (null, badFilter);
        }

        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(request.AsOf))
        {
            try
            {
                asOf = EditionDates.ParseAsOf(request.AsOf);
            }
            catch (FormatException e)
            {
                return (null, Problems.BadRequest(e.Message, "asOf"));
            }
        }

        history.RemoveAt(history.Count - 1);
        string conversationId;
        if (string.IsNullOrWhiteSpace(request.ConversationId))
        {
            conversationId = await conversations.StartAsync(user, cancellationToken);
        }
        else if (await conversations.GetAsync(request.ConversationId, user, cancellationToken) is { } stored)
        {
            conversationId = request.ConversationId;
            history = [.. stored, .. history];
        }
        else
        {
            return (null, Problems.NotFound($"No conversation '{request.ConversationId}' of yours exists; leave conversationId out to start one."));
        }

        var filters = new RetrievalFilters(filterLanguage, string.IsNullOrWhiteSpace(request.Filters?.Act) ? null : request.Filters.Act, asOf);
        return (new PreparedTurn(conversationId, question.Content.Trim(), history, language, filters, user, role), null);
    }

    /// <summary>The audit trail as JSON lines, oldest first, for [since, until).</summary>
    private static IResult ExportAudit(IAuditTrail audit, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        return Results.Stream(
            async stream =>
            {
                await foreach (var record in audit.ReadAsync(since, until, cancellationToken))
                {
                    await System.Text.Json.JsonSerializer.SerializeAsync(stream, record, ApiJson.Options, cancellationToken);
                    await stream.WriteAsync(NewLine, cancellationToken);
                }
            },
            contentType: "application/x-ndjson",
            fileDownloadName: null);
    }
}
