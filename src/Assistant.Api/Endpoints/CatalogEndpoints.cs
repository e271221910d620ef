using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Acts;
using Assistant.Core.Editions;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Endpoints;

/// <summary>Search, acts and norms: read-only views of the catalog.</summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("catalog").AllowPublicAccess();
        v1.MapPost("/search", Search).WithName("search");
        v1.MapGet("/acts", ListActs).WithName("listActs");
        v1.MapGet("/acts/{id}", GetAct).WithName("getAct");
        v1.MapGet("/acts/{id}/changes", CatalogChangesEndpoints.Changes).WithName("getActChanges");

        // Norm ids hold slashes (K1500000414/art:88/p:1), so the id takes the rest of the path.
        v1.MapGet("/norms/{**id}", GetNorm).WithName("getNorm");
    }

    private static async Task<IResult> Search(SearchRequest request, CatalogRetrieval retrieval, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (RequestValidation.Question(request.Query, "query", limits) is { } badQuery)
        {
            return badQuery;
        }

        if (RequestValidation.Language(request.Lang, out var language) is { } badLanguage)
        {
            return badLanguage;
        }

        var top = request.Top ?? 10;
        if (top < 1 || top > limits.MaxTop)
        {
            return Problems.BadRequest($"top is {top}; it must be between 1 and {limits.MaxTop}.", "top");
        }

        RetrievalMode? mode = null;
        if (request.Mode is not null)
        {
            if (!RetrievalModes.TryParse(request.Mode, out var parsed))
            {
                return Problems.BadRequest($"mode is '{request.Mode}'; it must be lexical, dense or hybrid.", "mode");
            }

            if (parsed != RetrievalMode.Lexical && !retrieval.Ranking.HasVectors)
            {
                return Problems.BadRequest($"mode '{request.Mode}' needs a vector index, and none is configured; use lexical.", "mode");
            }

            mode = parsed;
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
                return Problems.BadRequest(e.Message, "asOf");
            }

            if (mode is not null && mode != RetrievalMode.Lexical)
            {
                return Problems.BadRequest($"mode '{request.Mode}' searches current editions only; a search as of a date is lexical.", "mode");
            }
        }

        var result = await retrieval.SearchAsync(
            new SearchQuery(request.Query!)
            {
                Top = top,
                Language = language,
                ActId = string.IsNullOrWhiteSpace(request.Act) ? null : request.Act,
                IncludeNotInForce = request.IncludeRepealed ?? false,
                AsOf = asOf,
            },
            mode,
            cancellationToken);
        return Results.Ok(new SearchResponse(result.Mode.ToCode(), [.. result.Hits.Select(NormHit.From)], [.. result.Expansion.Applied.Select(SearchExpansion.Of)]));
    }

    private static IResult ListActs(LegalCatalog catalog, string? lang, string? kind, string? status, string? q, bool? allEditions)
    {
        if (RequestValidation.Language(lang, out var language) is { } badLanguage)
        {
            return badLanguage;
        }

        if (RequestValidation.Enum<ActKind>(kind, "kind", out var actKind) is { } badKind)
        {
            return badKind;
        }

        if (RequestValidation.Enum<ActStatus>(status, "status", out var actStatus) is { } badStatus)
        {
            return badStatus;
        }

        var acts = catalog.ListActs(new ActFilter
        {
            Language = language,
            Kind = actKind,
            Status = actStatus,
            TitleContains = string.IsNullOrWhiteSpace(q) ? null : q,
            AllEditions = allEditions ?? false,
        });
        return Results.Ok(acts.Select(ActView.From).ToList());
    }

    private static IResult GetAct(string id, string? lang, LegalCatalog catalog)
    {
        if (RequestValidation.Language(lang, out var language) is { } badLanguage)
        {
            return badLanguage;
        }

        if (catalog.GetAct(id, language) is { } act)
        {
            return Results.Ok(ActView.From(act));
        }

        return language is null ? Problems.NotFound($"No act '{id}' is in the catalog.") : Problems.NotFound($"No act '{id}' is in the catalog in '{lang}'.");
    }

    private static IResult GetNorm(string id, string? lang, string? edition, string? asOf, LegalCatalog catalog)
    {
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (edition is not null)
            {
                return Problems.BadRequest("Give edition or asOf, not both.", "asOf");
            }

            try
            {
                edition = EditionDates.Format(EditionDates.ParseAsOf(asOf));
            }
            catch (FormatException e)
            {
                return Problems.BadRequest(e.Message, "asOf");
            }
        }

        if (RequestValidation.Language(lang, out var language) is { } badLanguage)
        {
            return badLanguage;
        }

        if (!NormId.TryParse(id, out var normId))
        {
            return Problems.BadRequest($"'{id}' is not a norm id: expected <ACT>/art:<N>[/p:<P>[/sp:<S>]], <ACT>/p:<P> or <ACT>/annex:<A>/p:<P>.", "id");
        }

        if (catalog.GetNorm(normId, language, edition) is { } norm)
        {
            return Results.Ok(NormView.From(norm));
        }

        return language is null ? Problems.NotFound($"No norm '{id}' is in the catalog.") : Problems.NotFound($"No norm '{id}' is in the catalog in '{lang}'.");
    }
}
