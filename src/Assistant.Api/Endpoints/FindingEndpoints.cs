using System.Globalization;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Acts;
using Assistant.Core.Findings;

namespace Assistant.Api.Endpoints;

/// <summary>
/// GET /v1/findings, GET /v1/findings/{id} and PATCH /v1/findings/{id}: what the corpus-wide analysis
/// (<c>indexer findings</c>) found, and the experts' reviews of it. Experts and admins only: a finding is a claim
/// about the law that an expert has to check before anyone relies on it.
/// </summary>
internal static class FindingEndpoints
{
    private const int MaxListed = 500;

    private const int DefaultListed = 50;

    private const int MaxCommentLength = 2_000;

    public static void MapFindingEndpoints(this WebApplication app)
    {
        var findings = app.MapGroup("/v1/findings").WithTags("findings").RequireAuthorization(AccessPolicies.Drafting);
        findings.MapGet("/", ListAsync).WithName("listFindings");
        findings.MapGet("/{id}", GetAsync).WithName("getFinding");
        findings.MapPatch("/{id}", ReviewAsync).WithName("reviewFinding");
    }

    private static async Task<IResult> ListAsync(
        IFindingStore store,
        string? act,
        string? kind,
        string? status,
        string? lang,
        string? offset,
        string? limit,
        CancellationToken cancellationToken)
    {
        FindingKind? parsedKind = null;
        if (kind is not null)
        {
            if (!FindingKinds.TryParse(kind, out var k))
            {
                return Problems.BadRequest($"kind is '{kind}'; it must be duplicate, conflict, gap or broken-reference.", "kind");
            }

            parsedKind = k;
        }

        FindingStatus? parsedStatus = null;
        if (status is not null)
        {
            if (!FindingStatuses.TryParse(status, out var s))
            {
                return Problems.BadRequest($"status is '{status}'; it must be new, confirmed or dismissed.", "status");
            }

            parsedStatus = s;
        }

        Language? language = null;
        if (lang is not null)
        {
            if (!LanguageCodes.TryParse(lang, out var l))
            {
                return Problems.BadRequest($"lang is '{lang}'; it must be ru or kk.", "lang");
            }

            language = l;
        }

        if (!TryCount(offset, 0, 0, int.MaxValue, out var from))
        {
            return Problems.BadRequest($"offset is '{offset}'; it must be a whole number from 0.", "offset");
        }

        if (!TryCount(limit, DefaultListed, 1, MaxListed, out var count))
        {
            return Problems.BadRequest($"limit is '{limit}'; it must be a whole number between 1 and {MaxListed}.", "limit");
        }

        var filter = new FindingFilter(string.IsNullOrWhiteSpace(act) ? null : act.Trim(), parsedKind, parsedStatus, language, from, count);
        var page = new List<FindingResponse>();
        await foreach (var stored in store.ListAsync(filter, cancellationToken))
        {
            page.Add(FindingResponse.From(stored));
        }

        return Results.Ok(new FindingListResponse(from, count, page));
    }

    private static async Task<IResult> GetAsync(string id, IFindingStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } stored
            ? Results.Ok(FindingResponse.From(stored))
            : Problems.NotFound($"No finding has the id '{id}'.");

    private static async Task<IResult> ReviewAsync(string id, FindingReviewRequest? body, HttpContext http, IFindingStore store, CancellationToken cancellationToken)
    {
        if (body?.Status is not { } code || !FindingStatuses.TryParse(code, out var status))
        {
            return Problems.BadRequest($"status is '{body?.Status}'; it must be new, confirmed or dismissed.", "status");
        }

        if (body.Comment is { Length: > MaxCommentLength })
        {
            return Problems.BadRequest($"comment has {body.Comment.Length} characters; at most {MaxCommentLength} are accepted.", "comment");
        }

        var review = new FindingReview(status, string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim(), http.User.Identity?.Name ?? "unnamed", DateTimeOffset.UtcNow);
        return await store.ReviewAsync(id, review, cancellationToken) is { } reviewed
            ? Results.Ok(FindingResponse.From(reviewed))
            : Problems.NotFound($"No finding has the id '{id}'.");
    }

    private static bool TryCount(string? text, int fallback, int min, int max, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}

internal sealed record FindingReviewRequest(string? Status, string? Comment);

internal sealed record FindingListResponse(int Offset, int Limit, IReadOnlyList<FindingResponse> Findings);

internal sealed record FindingReviewResponse(string Status, string? Comment, string? ReviewedBy, DateTimeOffset? ReviewedAt);

internal sealed record FindingResponse(
    string Id,
    string Kind,
    string Lang,
    string Norm,
    string? OtherNorm,
    string Text,
    string? OtherText,
    string Differs,
    string Reason,
    double Score,
    string Priority,
    int InboundReferences,
    FindingReviewResponse Review,
    DateTimeOffset FirstFound,
    DateTimeOffset LastFound)
{
    public static FindingResponse From(StoredFinding stored)
    {
        var (f, r) = (stored.Finding, stored.Review);
        return new FindingResponse(
            f.Id, f.Kind.ToCode(), f.Language.ToCode(), f.Norm, f.OtherNorm, f.Text, f.OtherText, f.Differs, f.Reason, f.Score, f.Priority.ToCode(), f.InboundReferences,
            new FindingReviewResponse(r.Status.ToCode(), r.Comment, r.ReviewedBy, r.ReviewedAt), stored.FirstFound, stored.LastFound);
    }
}
