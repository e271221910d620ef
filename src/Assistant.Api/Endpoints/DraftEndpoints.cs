using System.Text.Json;
using Assistant.Api.Discussion;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Core.Discussion;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;
using Assistant.Storage.Catalog;

namespace Assistant.Api.Endpoints;

/// <summary>
/// POST /v1/drafts and GET /v1/drafts/{id}: draft amending laws submitted by experts, kept apart from the law in
/// force, with their instructions read into operations on norms and, where the editions are at hand, applied.
/// </summary>
internal static class DraftEndpoints
{
    /// <summary>Longest draft text accepted, in characters (setting Drafts:MaxTextLength); the body is also bounded by Api:MaxRequestBytes.</summary>
    private const int DefaultMaxTextLength = 60_000;

    private const int MaxTitleLength = 500;

    private const int MaxListed = 500;

    public static void MapDraftEndpoints(this WebApplication app)
    {
        var maxLength = app.Configuration.GetValue("Drafts:MaxTextLength", DefaultMaxTextLength);
        var drafts = app.MapGroup("/v1/drafts").WithTags("drafts").RequireAuthorization(AccessPolicies.Drafting);
        drafts.MapPost("/", (HttpContext http, IDraftStore store, LegalCatalog catalog, CancellationToken cancellationToken) => SubmitAsync(http, store, catalog, maxLength, cancellationToken))
            .WithName("submitDraft").DisableAntiforgery();
        drafts.MapGet("/", ListAsync).WithName("listDrafts");
        drafts.MapGet("/{id}", (string id, IDraftStore store, IDiscussionStore discussions, LegalCatalog catalog, CancellationToken cancellationToken) => GetAsync(id, store, discussions, catalog, cancellationToken))
            .WithName("getDraft");
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, IDraftStore store, LegalCatalog catalog, int maxLength, CancellationToken cancellationToken)
    {
        var (submission, problem) = await ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(submission!.Text))
        {
            return Problems.BadRequest("text is empty: send the draft's text as JSON {\"text\": …} or as a multipart file named \"file\" (.docx or UTF-8 text).", "text");
        }

        if (submission.Text.Length > maxLength)
        {
            return Problems.TypedProblem(StatusCodes.Status413PayloadTooLarge, "Draft too large", $"The draft has {submission.Text.Length} characters; at most {maxLength} are accepted.", "text");
        }

        if (submission.Title is { Length: > MaxTitleLength })
        {
            return Problems.BadRequest($"title has {submission.Title.Length} characters; at most {MaxTitleLength} are accepted.", "title");
        }

        Language? language = null;
        if (submission.Lang is not null)
        {
            if (!LanguageCodes.TryParse(submission.Lang, out var parsed))
            {
                return Problems.BadRequest($"lang is '{submission.Lang}'; it must be ru or kk.", "lang");
            }

            language = parsed;
        }

        var draft = Parser(catalog).Parse(submission.Text);
        if (draft.TargetActs.Count == 0)
        {
            var why = draft.Failed.Count > 0 ? $" Line {draft.Failed[0].Line}: {draft.Failed[0].Reason}." : string.Empty;
            return Problems.TypedProblem(StatusCodes.Status422UnprocessableEntity, "Not an amending law", $"The text names no act it amends («Внести в … следующие изменения …:» / «… мынадай өзгерістер … енгізілсін:»).{why}", "text");
        }

        var user = http.User.Identity?.Name ?? "unnamed";
        var saved = await store.AddAsync(
            new Draft(string.Empty, submission.Title ?? draft.Title, DraftStatus.Submitted, language ?? draft.Language, draft.TargetActs, submission.Text, user, default),
            cancellationToken);
        return Results.Created($"/v1/drafts/{saved.Id}", Describe(saved, draft, catalog));
    }

    private static async Task<IResult> GetAsync(string id, IDraftStore store, IDiscussionStore discussions, LegalCatalog catalog, CancellationToken cancellationToken)
    {
        var draft = await store.GetAsync(id, cancellationToken);
        if (draft is null)
        {
            return Problems.NotFound($"No draft has the id '{id}'.");
        }

        var publication = await discussions.GetPublicationAsync(id, cancellationToken);
        return Results.Ok(Describe(draft, Parser(catalog).Parse(draft.Text), catalog) with { Publication = publication is null ? null : PublicationView.Of(publication) });
    }

    private static DraftParser Parser(LegalCatalog catalog) =>
        new(new ActResolver(catalog.ActTitles()));

    /// <summary>The draft, its operations, and each amended act's current edition in the catalog with the draft applied.</summary>
    private static DraftResponse Describe(Draft draft, ParsedDraft parsed, IEditionSource editions)
    {
        var applied = new DraftConsolidator(editions).Apply(parsed).Select(result => new ConsolidationResponse(
            result.ActId,
            result.Edition,
            [.. result.Norms.Select(n => new ConsolidatedNormResponse(n.Id, n.Article, n.Before, n.After, [.. n.Redline.Select(RedlineView.Of)]))],
            [.. result.Failed.Select(Failed)])).ToArray();
        return new DraftResponse(
            draft.Id,
            draft.Title,
            draft.Status.ToString(),
            draft.Language.ToCode(),
            draft.TargetActs,
            draft.CreatedBy,
            draft.CreatedAt,
            draft.Text,
            [.. parsed.Instructions.Select(i => new OperationResponse(i.Line, i.Text, i.Operation.Kind.ToString(), i.Operation.Target.ToString(), i.Operation.Target.Norm?.ToString(), i.Operation.Words, i.Operation.NewWords))],
            [.. parsed.Failed.Select(Failed)],
            applied);
    }

    private static async Task<IResult> ListAsync(IDraftStore store, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxListed)
        {
            return Problems.BadRequest($"limit is {limit}; it must be between 1 and {MaxListed}.", "limit");
        }

        var drafts = await store.ListAsync(limit ?? 100, cancellationToken);
        return Results.Ok(drafts.Select(d => new DraftSummaryResponse(d.Id, d.Title, d.Status.ToString(), d.Language.ToCode(), d.TargetActs, d.CreatedBy, d.CreatedAt)).ToList());
    }

    private static FailedResponse Failed(FailedInstruction failed) => new(failed.Line, failed.Instruction, failed.Reason);

    /// <summary>The draft from a JSON body {title?, text, lang?} or a multipart form with a file "file" (and fields title, lang).</summary>
    private static async Task<(DraftSubmission? Submission, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return (null, Problems.BadRequest("The form has no file named \"file\" holding the draft's text.", "file"));
            }

            await using var content = file.OpenReadStream();
            var (text, error) = await DraftFile.ReadAsync(content, file.FileName, cancellationToken);
            if (error is not null)
            {
                return (null, Problems.BadRequest(error, "file"));
            }

            return (new DraftSubmission(form["title"].FirstOrDefault(), text, form["lang"].FirstOrDefault()), null);
        }

        if (request.HasJsonContentType())
        {
            try
            {
                var body = await request.ReadFromJsonAsync<DraftSubmission>(ApiJson.Options, cancellationToken);
                return body is null ? (null, Problems.BadRequest("The body is empty: send {\"text\": …}.")) : (body, null);
            }
            catch (JsonException error)
            {
                var failure = BindingFailure.FromJson(StatusCodes.Status400BadRequest, error);
                return (null, Problems.BadRequest(failure.Detail, failure.Parameter));
            }
        }

        return (null, Problems.TypedProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the draft as application/json {\"text\": …} or as multipart/form-data with a file \"file\".", null));
    }

    private sealed record DraftSubmission(string? Title, string? Text, string? Lang);
}

internal sealed record DraftResponse(
    string Id,
    string Title,
    string Status,
    string Lang,
    IReadOnlyList<string> Acts,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string Text,
    IReadOnlyList<OperationResponse> Operations,
    IReadOnlyList<FailedResponse> Failed,
    IReadOnlyList<ConsolidationResponse> Consolidation)
{
    /// <summary>The draft's public discussion, when it is published on the portal.</summary>
    public PublicationView? Publication { get; init; }
}

internal sealed record DraftSummaryResponse(string Id, string Title, string Status, string Lang, IReadOnlyList<string> Acts, string CreatedBy, DateTimeOffset CreatedAt);

internal sealed record OperationResponse(int Line, string Instruction, string Kind, string Target, string? Norm, string? Words, string? NewWords);

internal sealed record FailedResponse(int Line, string Instruction, string Reason);

internal sealed record ConsolidationResponse(string Act, string Edition, IReadOnlyList<ConsolidatedNormResponse> Norms, IReadOnlyList<FailedResponse> Failed);

internal sealed record ConsolidatedNormResponse(string Id, string? Article, string Before, string After, IReadOnlyList<RedlineView> Redline);
