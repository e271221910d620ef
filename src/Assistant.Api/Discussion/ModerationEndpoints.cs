using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Discussion;
using Assistant.Core.Drafts;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Discussion;

/// <summary>
/// /v1/moderation: moderators and admins review public comments (publish, or reject with a reason) and read the
/// moderation log; the drafting body (experts too) replies under published comments. Every action is logged.
/// </summary>
internal static class ModerationEndpoints
{
    private const int MaxListed = 1_000;

    private const int MaxReason = 1_000;

    public static void MapModerationEndpoints(this IEndpointRouteBuilder app)
    {
        var moderation = app.MapGroup("/v1/moderation").WithTags("moderation");
        moderation.MapGet("/comments", ListAsync).RequireModerationAccess().WithName("listModeratedComments");
        moderation.MapPost("/comments/{id:long}/publish", PublishAsync).RequireModerationAccess().WithName("publishComment").DisableAntiforgery();
        moderation.MapPost("/comments/{id:long}/reject", RejectAsync).RequireModerationAccess().WithName("rejectComment").DisableAntiforgery();
        moderation.MapPost("/comments/{id:long}/reply", ReplyAsync).RequireAuthorization(AccessPolicies.Reply).WithName("replyToComment").DisableAntiforgery();
        moderation.MapGet("/log", LogAsync).RequireModerationAccess().WithName("moderationLog");
    }

    private static async Task<IResult> ListAsync(string? status, string? draft, int? limit, IDiscussionStore discussions, IDraftStore drafts, CancellationToken cancellationToken)
    {
        CommentStatus? only = null;
        if (status is not null)
        {
            if (!DiscussionCodes.TryParse(status, out var parsed))
            {
                return Problems.BadRequest($"status is '{status}'; it must be pending, published or rejected.", "status");
            }

            only = parsed;
        }

        if (limit is < 1 or > MaxListed)
        {
            return Problems.BadRequest($"limit is {limit}; it must be between 1 and {MaxListed}.", "limit");
        }

        var comments = await discussions.ListCommentsAsync(draft, only, limit ?? 200, cancellationToken);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = new List<ModeratedComment>(comments.Count);
        foreach (var comment in comments)
        {
            if (!titles.TryGetValue(comment.DraftId, out var title))
            {
                title = await DraftTitleAsync(drafts, comment.DraftId, cancellationToken);
                titles[comment.DraftId] = title;
            }

            list.Add(ModeratedComment.Of(comment, title));
        }

        return Results.Ok(list);
    }

    private static Task<IResult> PublishAsync(long id, HttpContext http, IDiscussionStore discussions, IDraftStore drafts, TimeProvider time, CancellationToken cancellationToken) =>
        DecideAsync(id, CommentStatus.Published, null, http, discussions, drafts, time, cancellationToken);

    private static Task<IResult> RejectAsync(long id, RejectRequest request, HttpContext http, IDiscussionStore discussions, IDraftStore drafts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReason)
        {
            return Task.FromResult(Problems.BadRequest($"reason must say why the comment is rejected, 1 to {MaxReason} characters.", "reason"));
        }

        return DecideAsync(id, CommentStatus.Rejected, request.Reason.Trim(), http, discussions, drafts, time, cancellationToken);
    }

    private static async Task<IResult> DecideAsync(long id, CommentStatus decision, string? reason, HttpContext http, IDiscussionStore discussions, IDraftStore drafts, TimeProvider time, CancellationToken cancellationToken)
    {
        var (user, role) = PublicationEndpoints.Caller(http);
        var now = time.GetUtcNow();
        var decided = await discussions.ModerateAsync(id, decision, user, reason, now, cancellationToken);
        if (decided is null)
        {
            return await discussions.GetCommentAsync(id, cancellationToken) is { } existing
                ? Problems.TypedProblem(StatusCodes.Status409Conflict, "Already moderated", $"Comment {id} is {DiscussionCodes.Of(existing.Status)}, moderated by {existing.ModeratedBy}; only pending comments are moderated.", null)
                : Problems.NotFound($"No comment has the id {id}.");
        }

        var kind = decision == CommentStatus.Published ? ModerationActionKind.PublishComment : ModerationActionKind.RejectComment;
        await discussions.AppendModerationAsync(new ModerationAction(now, user, role, kind, decided.DraftId, id, reason ?? "published"), cancellationToken);
        return Results.Ok(ModeratedComment.Of(decided, await DraftTitleAsync(drafts, decided.DraftId, cancellationToken)));
    }

    private static async Task<IResult> ReplyAsync(long id, ReplyRequest request, HttpContext http, IDiscussionStore discussions, IDraftStore drafts, TimeProvider time, IOptions<DiscussionOptions> options, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxReplyLength;
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > max)
        {
            return Problems.BadRequest($"text must be the reply, 1 to {max} characters.", "text");
        }

        if (CommentRules.Markup(request.Text) is { } markup)
        {
            return Problems.BadRequest(markup, "text");
        }

        var (user, role) = PublicationEndpoints.Caller(http);
        var now = time.GetUtcNow();
        var replied = await discussions.ReplyAsync(id, new CommentReply(request.Text.Trim(), user, now), cancellationToken);
        if (replied is null)
        {
            return await discussions.GetCommentAsync(id, cancellationToken) is { } existing
                ? Problems.TypedProblem(StatusCodes.Status409Conflict, "Not published", $"Comment {id} is {DiscussionCodes.Of(existing.Status)}; the drafting body replies only to published comments.", null)
                : Problems.NotFound($"No comment has the id {id}.");
        }

        await discussions.AppendModerationAsync(new ModerationAction(now, user, role, ModerationActionKind.ReplyToComment, replied.DraftId, id, request.Text.Trim()), cancellationToken);
        return Results.Ok(ModeratedComment.Of(replied, await DraftTitleAsync(drafts, replied.DraftId, cancellationToken)));
    }

    /// <summary>The draft's title for the moderator; its id when the draft is gone.</summary>
    private static async Task<string> DraftTitleAsync(IDraftStore drafts, string draftId, CancellationToken cancellationToken) =>
        (await drafts.GetAsync(draftId, cancellationToken))?.Title ?? draftId;

    private static async Task<IResult> LogAsync(int? limit, IDiscussionStore discussions, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxListed)
        {
            return Problems.BadRequest($"limit is {limit}; it must be between 1 and {MaxListed}.", "limit");
        }

        return Results.Ok((await discussions.ModerationLogAsync(limit ?? 200, cancellationToken)).Select(ModerationLogEntry.Of).ToList());
    }
}
