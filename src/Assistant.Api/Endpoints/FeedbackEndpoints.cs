using System.Security.Claims;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Feedback;

namespace Assistant.Api.Endpoints;

/// <summary>POST /v1/feedback (any signed-in role) and GET /v1/feedback (admins): what readers say of answers.</summary>
internal static class FeedbackEndpoints
{
    private const int MaxText = 20_000;

    private const int MaxComment = 2_000;

    private const int MaxListed = 500;

    public static void MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/v1/feedback").WithTags("feedback");
        feedback.MapPost("/", AddAsync).RequireChatAccess().WithName("addFeedback").DisableAntiforgery();
        feedback.MapGet("/", ListAsync).RequireAdminAccess().WithName("listFeedback");
    }

    private static async Task<IResult> AddAsync(FeedbackRequest request, HttpContext http, IAnswerFeedbackStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseKind(request.Kind, out var kind))
        {
            return Problems.BadRequest($"kind is '{request.Kind}'; it must be useful, wrong-citation or missing-norm.", "kind");
        }

        if (string.IsNullOrWhiteSpace(request.Question) || request.Question.Length > MaxText)
        {
            return Problems.BadRequest($"question must be the question the answer replied to, 1 to {MaxText} characters.", "question");
        }

        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > MaxText)
        {
            return Problems.BadRequest($"answer must be the answer judged, 1 to {MaxText} characters.", "answer");
        }

        if (request.Comment is { Length: > MaxComment })
        {
            return Problems.BadRequest($"comment has {request.Comment.Length} characters; at most {MaxComment} are accepted.", "comment");
        }

        var saved = await store.AddAsync(
            new AnswerFeedback(
                0,
                time.GetUtcNow(),
                http.User.Identity?.Name ?? "unnamed",
                http.User.FindFirstValue(ClaimTypes.Role) ?? string.Empty,
                request.ConversationId,
                kind,
                request.Question,
                request.Answer,
                request.Mode ?? "unknown",
                request.Citations ?? [],
                string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim()),
            cancellationToken);
        return Results.Created($"/v1/feedback/{saved.Id}", FeedbackView.Of(saved));
    }

    private static async Task<IResult> ListAsync(IAnswerFeedbackStore store, string? kind, int? limit, CancellationToken cancellationToken)
    {
        FeedbackKind? only = null;
        if (kind is not null)
        {
            if (!TryParseKind(kind, out var parsed))
            {
                return Problems.BadRequest($"kind is '{kind}'; it must be useful, wrong-citation or missing-norm.", "kind");
            }

            only = parsed;
        }

        if (limit is < 1 or > MaxListed)
        {
            return Problems.BadRequest($"limit is {limit}; it must be between 1 and {MaxListed}.", "limit");
        }

        var list = await store.ListAsync(only, limit ?? 100, cancellationToken);
        return Results.Ok(list.Select(FeedbackView.Of).ToList());
    }

    private static bool TryParseKind(string? text, out FeedbackKind kind)
    {
        kind = text switch
        {
            "useful" => FeedbackKind.Useful,
            "wrong-citation" => FeedbackKind.WrongCitation,
            "missing-norm" => FeedbackKind.MissingNorm,
            _ => (FeedbackKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    internal static string KindName(FeedbackKind kind) => kind switch
    {
        FeedbackKind.WrongCitation => "wrong-citation",
        FeedbackKind.MissingNorm => "missing-norm",
        _ => "useful",
    };
}

/// <summary>Feedback on one answer: useful, wrong-citation or missing-norm, with the question, the answer and what it cited.</summary>
internal sealed record FeedbackRequest(string? Kind, string? ConversationId, string? Question, string? Answer, string? Mode, IReadOnlyList<string>? Citations, string? Comment);

internal sealed record FeedbackView(long Id, DateTimeOffset At, string User, string Role, string? ConversationId, string Kind, string Question, string Answer, string Mode, IReadOnlyList<string> Citations, string? Comment)
{
    public static FeedbackView Of(AnswerFeedback f) =>
        new(f.Id, f.At, f.User, f.Role, f.ConversationId, FeedbackEndpoints.KindName(f.Kind), f.Question, f.Answer, f.Mode, f.Citations, f.Comment);
}
