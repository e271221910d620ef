using Assistant.Web.Api;
using Microsoft.AspNetCore.Components.Authorization;

namespace Assistant.Web.Hosting;

/// <summary>GET /exports/forecasts/{id}.docx: the Word report, fetched from the API with the signed-in person's token.</summary>
internal static class ExportEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapExportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/exports/forecasts/{id}.docx", async (string id, HttpContext http, RagLegalApi api, AuthenticationStateProvider authentication, CancellationToken cancellationToken) =>
        {
            // Outside a circuit the provider knows no user until told, as Blazor tells it when it renders a page.
            ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
            try
            {
                return Results.File(await api.ForecastDocxAsync(id, cancellationToken), DocxType, $"forecast-{id}.docx");
            }
            catch (ApiProblemException problem)
            {
                return Results.Problem(detail: problem.Detail, statusCode: (int)problem.Status);
            }
        }).RequireAuthorization();
}
