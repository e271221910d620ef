using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Conversations;

namespace Assistant.Api.Endpoints;

/// <summary>GET /v1/conversations and /v1/conversations/{id}: the caller's own conversations, to list and resume.</summary>
internal static class ConversationEndpoints
{
    private const int MaxListed = 200;

    public static void MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/v1/conversations").WithTags("chat").RequireChatAccess();
        conversations.MapGet("/", ListAsync).WithName("listConversations");
        conversations.MapGet("/{id}", GetAsync).WithName("getConversation");
    }

    private static async Task<IResult> ListAsync(HttpContext http, IConversationStore store, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxListed)
        {
            return Problems.BadRequest($"limit is {limit}; it must be between 1 and {MaxListed}.", "limit");
        }

        var list = await store.ListAsync(Owner(http), limit ?? 50, cancellationToken);
        return Results.Ok(list);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IConversationStore store, CancellationToken cancellationToken)
    {
        // Someone else's conversation reads as missing, so that ids cannot be probed.
        var messages = await store.GetAsync(id, Owner(http), cancellationToken);
        return messages is null
            ? Problems.NotFound($"You have no conversation with the id '{id}'.")
            : Results.Ok(new ConversationView(id, [.. messages.Select(m => new ConversationMessageView(m.Role.ToString().ToLowerInvariant(), m.Content, m.At))]));
    }

    private static string Owner(HttpContext http) => http.User.Identity?.Name ?? "unnamed";
}

internal sealed record ConversationView(string Id, IReadOnlyList<ConversationMessageView> Messages);

internal sealed record ConversationMessageView(string Role, string Content, DateTimeOffset At);
