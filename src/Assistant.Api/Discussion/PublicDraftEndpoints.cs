using System.Globalization;
using System.Text;
using Assistant.Api.Chat;
using Assistant.Api.Endpoints;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Discussion;
using Assistant.Core.Drafts;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Discussion;

/// <summary>
/// /v1/public/drafts: the portal's drafts under discussion, anonymous. Reading is under the "public" limit;
/// questions and comments under per-address and per-draft limits of their own.
/// </summary>
internal static class PublicDraftEndpoints
{
    private const int MaxListed = 2_000;

    public static void MapPublicDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/v1/public/drafts").WithTags("public").AllowPublicAccess();
        portal.MapGet("/", ListAsync).WithName("listPublicDrafts");
        portal.MapGet("/{id}", GetAsync).WithName("getPublicDraft");
        portal.MapPost("/{id}/questions", AskAsync).WithName("askAboutDraft").RequireRateLimiting(QuestionRateLimitPolicy.Name).DisableAntiforgery();
        portal.MapPost("/{id}/comments", CommentAsync).WithName("commentOnDraft").RequireRateLimiting(CommentRateLimitPolicy.Name).DisableAntiforgery();
        portal.MapGet("/{id}/comments", CommentsAsync).WithName("listPublicComments");
        portal.MapPost("/{id}/comments/{commentId:long}/support", SupportAsync).WithName("supportComment").RequireRateLimiting(CommentRateLimitPolicy.Name).DisableAntiforgery();
        portal.MapGet("/{id}/comments.csv", ExportAsync).WithName("exportComments");
    }

    private static async Task<IResult> ListAsync(IDiscussionStore discussions, IDraftStore store, DiscussedDrafts drafts, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var counts = await discussions.PublishedCountsAsync(cancellationToken);
        var list = new List<PublicDraftSummary>();
        foreach (var publication in await discussions.ListPublicationsAsync(cancellationToken))
        {
            if (await store.GetAsync(publication.DraftId, cancellationToken) is not { } draft)
            {
                continue;
            }

            list.Add(new PublicDraftSummary(
                draft.Id, draft.Title, draft.Language.ToCode(), drafts.Acts(draft), publication.PublishedAt, publication.ClosesAt, publication.IsOpen(now), counts.GetValueOrDefault(draft.Id).Comments));
        }

        return Results.Ok(list);
    }

    private static async Task<IResult> GetAsync(string id, IDiscussionStore discussions, DiscussedDrafts drafts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(id, cancellationToken) is not { } found)
        {
            return NotPublished(id);
        }

        var draft = found.Draft;
        var counts = (await discussions.PublishedCountsAsync(cancellationToken)).GetValueOrDefault(id);
        var changes = drafts.Changes(draft)
            .SelectMany(c => c.Norms.Select(n => new PublicChange(c.ActId, n.Id, n.Article, n.Before, n.After, [.. n.Redline.Select(RedlineView.Of)])))
            .ToList();
        return Results.Ok(new PublicDraft(
            draft.Id,
            draft.Title,
            draft.Language.ToCode(),
            draft.Text,
            drafts.Acts(draft),
            found.Publication.PublishedAt,
            found.Publication.ClosesAt,
            found.Publication.IsOpen(time.GetUtcNow()),
            [.. found.Outline.Select(a => new OutlineArticle(a.Number, a.Heading, a.Points))],
            changes,
            counts.Comments,
            counts.Supports));
    }

    private static async Task<IResult> AskAsync(string id, PublicQuestion request, HttpContext http, DiscussedDrafts drafts, DraftQuestions questions, DraftRateLimits limits, ModelQueue queue, IOptions<DiscussionOptions> options, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxQuestionLength;
        if (string.IsNullOrWhiteSpace(request.Question) || request.Question.Length > max)
        {
            return Problems.BadRequest($"question must be 1 to {max} characters; it has {request.Question?.Length ?? 0}.", "question");
        }

        Language? language = null;
        if (request.Lang is not null)
        {
            if (!LanguageCodes.TryParse(request.Lang, out var parsed))
            {
                return Problems.BadRequest($"lang is '{request.Lang}'; it must be ru or kk.", "lang");
            }

            language = parsed;
        }

        if (await drafts.FindAsync(id, cancellationToken) is not { } found)
        {
            return NotPublished(id);
        }

        if (limits.Question(http, id) is { } refused)
        {
            return refused;
        }

        using var slot = await queue.AdmitAsync(http, cancellationToken);
        if (!slot.Entered)
        {
            return queue.Busy(http).ToProblem();
        }

        try
        {
            return Results.Ok(await questions.AnswerAsync(found, request.Question.Trim(), language, cancellationToken));
        }
        catch (Exception e) when (ChatTurns.Failure(e) is { } failure)
        {
            return queue.RetryLater(http, failure).ToProblem();
        }
    }

    private static async Task<IResult> CommentAsync(string id, CommentRequest request, HttpContext http, IDiscussionStore discussions, DiscussedDrafts drafts, DraftRateLimits limits, VisitorKeys visitors, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CommentRules.Check(request.Text) is { } invalid)
        {
            return Problems.BadRequest(invalid, "text");
        }

        if (await drafts.FindAsync(id, cancellationToken) is not { } found)
        {
            return NotPublished(id);
        }

        var now = time.GetUtcNow();
        if (!found.Publication.IsOpen(now))
        {
            return Problems.TypedProblem(StatusCodes.Status409Conflict, "Discussion closed", $"The discussion of this draft closed at {found.Publication.ClosesAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}; new comments are not accepted.", null);
        }

        if (Place(found, request.Article, request.Point) is { } misplaced)
        {
            return misplaced;
        }

        var text = request.Text!.Trim();
        var language = ScriptLanguage.Detect(text);
        var fingerprint = CommentFingerprint.Of(text, language);
        if (CommentFingerprint.RepeatsAny(fingerprint, await discussions.FingerprintsAsync(id, cancellationToken)))
        {
            return Problems.TypedProblem(StatusCodes.Status409Conflict, "Duplicate comment", "The same or nearly the same comment was already submitted on this draft; support it instead of repeating it.", "text");
        }

        if (limits.Comment(http, id) is { } refused)
        {
            return refused;
        }

        var masked = PersonalDataMask.Apply(text, language);
        var saved = await discussions.AddCommentAsync(
            new Comment(0, id, request.Article, request.Point, masked.Text, masked.Found.Count > 0 ? text : null, masked.Found, language, CommentStatus.Pending, now, visitors.Of(http), fingerprint),
            cancellationToken);
        return Results.Accepted($"/v1/public/drafts/{id}/comments", new CommentAccepted(saved.Id, DiscussionCodes.Of(saved.Status), [.. saved.Masked.Select(DiscussionCodes.Of)]));
    }

    /// <summary>A 400 when the comment names an article or point the draft does not have.</summary>
    private static IResult? Place(DiscussedDraft found, string? article, string? point)
    {
        if (article is null)
        {
            return point is null ? null : Problems.BadRequest("point is given without article: name the article the point belongs to.", "point");
        }

        if (DraftOutline.Find(found.Outline, article) is not { } known)
        {
            var articles = found.Outline.Count == 0 ? "none" : string.Join(", ", found.Outline.Select(a => a.Number));
            return Problems.BadRequest($"article is '{article}'; the draft's articles are {articles}.", "article");
        }

        if (point is not null && !known.Points.Contains(point))
        {
            var points = known.Points.Count == 0 ? "no points" : "points " + string.Join(", ", known.Points);
            return Problems.BadRequest($"point is '{point}'; article {article} has {points}.", "point");
        }

        return null;
    }

    private static async Task<IResult> CommentsAsync(string id, string? article, string? sort, IDiscussionStore discussions, DiscussedDrafts drafts, CancellationToken cancellationToken)
    {
        if (sort is not (null or "new" or "supported"))
        {
            return Problems.BadRequest($"sort is '{sort}'; it must be new or supported.", "sort");
        }

        if (await drafts.FindAsync(id, cancellationToken) is null)
        {
            return NotPublished(id);
        }

        var published = (await discussions.ListCommentsAsync(id, CommentStatus.Published, MaxListed, cancellationToken))
            .Where(c => article is null || string.Equals(c.Article, article, StringComparison.Ordinal));
        var ordered = sort == "supported"
            ? published.OrderByDescending(c => c.Supports).ThenByDescending(c => c.ModeratedAt)
            : published.OrderByDescending(c => c.ModeratedAt).ThenByDescending(c => c.Id);
        return Results.Ok(ordered.Select(PublicComment.Of).ToList());
    }

    private static async Task<IResult> SupportAsync(string id, long commentId, HttpContext http, IDiscussionStore discussions, DiscussedDrafts drafts, VisitorKeys visitors, TimeProvider time, CancellationToken cancellationToken)
    {
        var comment = await discussions.GetCommentAsync(commentId, cancellationToken);
        if (comment is not { Status: CommentStatus.Published } || comment.DraftId != id || await drafts.FindAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"The draft '{id}' has no published comment {commentId}.");
        }

        var supports = await discussions.SupportAsync(commentId, visitors.Of(http), time.GetUtcNow(), cancellationToken);
        return supports is { } count
            ? Results.Ok(new SupportView(count))
            : Problems.TypedProblem(StatusCodes.Status409Conflict, "Already supported", "You have already supported this comment; each visitor supports a comment once.", null);
    }

    /// <summary>The published comments as open data: CSV (RFC 4180), UTF-8 with a byte-order mark so spreadsheets read Cyrillic.</summary>
    private static async Task<IResult> ExportAsync(string id, IDiscussionStore discussions, DiscussedDrafts drafts, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(id, cancellationToken) is null)
        {
            return NotPublished(id);
        }

        var csv = new StringBuilder("id,draft,article,point,language,published_at,supports,text,reply\r\n");
        foreach (var c in await discussions.ListCommentsAsync(id, CommentStatus.Published, int.MaxValue, cancellationToken))
        {
            csv.AppendJoin(
                ',',
                c.Id.ToString(CultureInfo.InvariantCulture),
                Field(id),
                Field(c.Article),
                Field(c.Point),
                c.Language.ToCode(),
                (c.ModeratedAt ?? c.SubmittedAt).ToString("O", CultureInfo.InvariantCulture),
                c.Supports.ToString(CultureInfo.InvariantCulture),
                Field(c.Text),
                Field(c.Reply?.Text)).Append("\r\n");
        }

        return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", $"comments-{id}.csv");
    }

    /// <summary>A CSV field, quoted when it holds a separator, a quote or a line break; a leading formula sign is defused.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static IResult NotPublished(string id) => Problems.NotFound($"No draft under public discussion has the id '{id}'.");
}
