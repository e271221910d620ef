using System.Security.Claims;
using Assistant.Api.Chat;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Audit;
using Assistant.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Endpoints;

/// <summary>POST /v1/chat: grounded answers with verified citations, streamed as Server-Sent Events or whole.</summary>
internal static class ChatEndpoints
{
    public static void MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat", ChatAsync).WithTags("chat").WithName("chat").RequireChatAccess().RequireRateLimiting(ChatRateLimitPolicy.Name);
        app.MapGet("/v1/audit", ExportAudit).WithTags("audit").WithName("exportAudit").RequireAdminAccess();
    }

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    private static async Task<IResult> ChatAsync(ChatRequest request, HttpContext http, ChatTurns turns, ModelQueue queue, IConversationStore conversations, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? "unnamed" : "anonymous";
        var role = http.User.FindFirstValue(ClaimTypes.Role) ?? "public";
        var (turn, error) = await ChatRequests.PrepareAsync(request, user, role, conversations, options.Value, ChatFace.Chat, cancellationToken);
        if (error is not null)
        {
            return error.ToProblem();
        }

        // Before the stream begins: a full queue is still a status (503, Retry-After), not an event in a 200 stream.
        var slot = await queue.AdmitAsync(http, cancellationToken);
        if (!slot.Entered)
        {
            return queue.Busy(http).ToProblem();
        }

        if (request.Stream ?? true)
        {
            return TypedResults.ServerSentEvents(slot.HoldDuring(turns.StreamAsync(turn!, cancellationToken), cancellationToken));
        }

        try
        {
            using (slot)
            {
                return Results.Ok(await turns.AnswerAsync(turn!, cancellationToken));
            }
        }
        catch (Exception e) when (ChatTurns.Failure(e) is { } failure)
        {
            return queue.RetryLater(http, failure).ToProblem();
        }
    }

    /// <summary>The audit trail as JSON lines, oldest first, for [since, until), of one user or role when asked.</summary>
    private static IResult ExportAudit(IAuditTrail audit, DateTimeOffset? since, DateTimeOffset? until, string? user, string? role, CancellationToken cancellationToken)
    {
        return Results.Stream(
            async stream =>
            {
                await foreach (var record in audit.ReadAsync(since, until, cancellationToken))
                {
                    if ((user is not null && !string.Equals(record.Entry.User, user, StringComparison.Ordinal))
                        || (role is not null && !string.Equals(record.Entry.Role, role, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    await System.Text.Json.JsonSerializer.SerializeAsync(stream, record, ApiJson.Options, cancellationToken);
                    await stream.WriteAsync(NewLine, cancellationToken);
                }
            },
            contentType: "application/x-ndjson",
            fileDownloadName: null);
    }
}
