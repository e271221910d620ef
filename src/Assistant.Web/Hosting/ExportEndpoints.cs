using Assistant.Web.Api;

namespace Assistant.Web.Hosting;

/// <summary>GET /exports/forecasts/{id}.docx: the Word report, fetched from the API with the signed-in person's token.</summary>
internal static class ExportEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapExportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/exports/forecasts/{id}.docx", async (string id, RagLegalApi api, CancellationToken cancellationToken) =>
        {
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
