using Assistant.Web.Api;
using Microsoft.AspNetCore.Components.Authorization;

namespace Assistant.Web.Hosting;

/// <summary>
/// Downloads fetched from the API by this app, so that a link works in the browser: GET /exports/forecasts/{id}.docx
/// (the Word report, with the signed-in person's token) and GET /exports/public/drafts/{id}/comments.csv (a draft's
/// published comments as open data, for anyone).
/// </summary>
internal static class ExportEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/forecasts/{id}.docx", async (string id, HttpContext http, RagLegalApi api, AuthenticationStateProvider authentication, CancellationToken cancellationToken) =>
        {
            // Outside a circuit the provider knows no user until told, as Blazor tells it when it renders a page.
            ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
            return await ProblemOrAsync(async () => Results.File(await api.ForecastDocxAsync(id, cancellationToken), DocxType, $"forecast-{id}.docx"));
        }).RequireAuthorization();

        app.MapGet("/exports/public/drafts/{id}/comments.csv", (string id, PublicApi api, CancellationToken cancellationToken) =>
            ProblemOrAsync(async () => Results.File(await api.CommentsCsvAsync(id, cancellationToken), "text/csv; charset=utf-8", $"comments-{id}.csv")))
            .AllowAnonymous();
    }

    private static async Task<IResult> ProblemOrAsync(Func<Task<IResult>> download)
    {
        try
        {
            return await download();
        }
        catch (ApiProblemException problem)
        {
            return Results.Problem(detail: problem.Detail, statusCode: (int)problem.Status);
        }
    }
}
