using Assistant.Api.Chat;
using Assistant.Api.Retrieval;
using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog;

namespace Assistant.Api.Endpoints;

/// <summary>Liveness (the process answers) and readiness (what it can serve: catalog, vectors, model).</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).WithTags("health");
        app.MapGet("/health/ready", Ready).WithTags("health");
    }

    private static IResult Ready(LegalCatalog catalog, AnswerEngines engines, ModelQueue queue, DenseRetrieval dense)
    {
        var stats = catalog.GetStats();
        var catalogReady = stats.Total.TopLevelNorms > 0;
        var body = new
        {
            status = catalogReady ? "ready" : "not ready",
            catalog = new { state = catalogReady ? "ready" : "empty", acts = stats.Total.Acts, norms = stats.Total.TopLevelNorms, generation = catalog.Generation },
            lexicalIndex = LexicalIndex(catalog.LexicalIndex),
            vectors = new
            {
                state = dense.State,
                store = dense.Store,
                count = dense.Count,
                generation = dense.Generation?.Generation,
                segments = dense.Generation?.Segments,
                model = dense.Model,
                detail = dense.Detail,
                mode = dense.Ranking.DefaultMode.ToCode(),
            },
            model = new
            {
                state = engines.ModelState,
                detail = engines.ModelDetail,
                activeSequences = engines.Engine?.ActiveSequences,
                maxSequences = engines.Engine?.MaxSequences,
                generatedTokens = engines.Engine?.GeneratedTokens,
                waitingTurns = engines.Engine is null ? (long?)null : queue.Waiting,
            },
        };
        return catalogReady ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Where searches rank now: FTS5 answers while the in-memory index is built, only slower.</summary>
    private static object LexicalIndex(LexicalIndexState state) => new
    {
        kind = state.Kind == LexicalIndexKind.Memory ? "memory" : "fts5",
        state = state.Kind == LexicalIndexKind.Fts5 ? "ready" : state.Current ? "ready" : state.Building ? "building" : "stale",
        rankingIn = state.Kind == LexicalIndexKind.Memory && state.Current ? "memory" : "fts5",
        norms = state.Norms,
        terms = state.Terms,
        generation = state.Kind == LexicalIndexKind.Memory ? state.Generation : (long?)null,
    };
}
