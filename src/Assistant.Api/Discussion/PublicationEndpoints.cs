using System.Globalization;
using System.Security.Claims;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Discussion;
using Assistant.Core.Drafts;

namespace Assistant.Api.Discussion;

/// <summary>POST and DELETE /v1/drafts/{id}/publication: experts and admins open a draft to public discussion until a closing date, or take it off.</summary>
internal static class PublicationEndpoints
{
    public static void MapPublicationEndpoints(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/v1/drafts/{id}").WithTags("discussion").RequireAuthorization(AccessPolicies.Drafting);
        drafts.MapPost("/publication", PublishAsync).WithName("publishDraft").DisableAntiforgery();
        drafts.MapDelete("/publication", WithdrawAsync).WithName("withdrawDraft");
    }

    private static async Task<IResult> PublishAsync(string id, PublicationRequest request, HttpContext http, IDraftStore drafts, IDiscussionStore discussions, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.ClosesAt is not { } closesAt)
        {
            return Problems.BadRequest("closesAt is missing: send {\"closesAt\": \"2027-01-31T18:00:00+05:00\"}, when the discussion ends.", "closesAt");
        }

        if (closesAt <= now)
        {
            return Problems.BadRequest($"closesAt is {closesAt:O}, which has passed; a discussion must close in the future.", "closesAt");
        }

        if (await drafts.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"No draft has the id '{id}'.");
        }

        var (user, role) = Caller(http);
        var saved = await discussions.PublishAsync(new Publication(id, now, user, closesAt), cancellationToken);
        await discussions.AppendModerationAsync(
            new ModerationAction(now, user, role, ModerationActionKind.PublishDraft, id, null, "closes at " + closesAt.ToString("O", CultureInfo.InvariantCulture)),
            cancellationToken);
        return Results.Ok(PublicationView.Of(saved));
    }

    private static async Task<IResult> WithdrawAsync(string id, HttpContext http, IDiscussionStore discussions, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await discussions.WithdrawAsync(id, cancellationToken))
        {
            return Problems.NotFound($"The draft '{id}' is not published.");
        }

        var (user, role) = Caller(http);
        await discussions.AppendModerationAsync(new ModerationAction(time.GetUtcNow(), user, role, ModerationActionKind.WithdrawDraft, id, null, "taken off the portal"), cancellationToken);
        return Results.NoContent();
    }

    internal static (string User, string Role) Caller(HttpContext http) =>
        (http.User.Identity?.Name ?? "unnamed", http.User.FindFirstValue(ClaimTypes.Role) ?? string.Empty);
}
