using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Audit;
using Assistant.Core.Findings;
using Assistant.Storage.Catalog;
using Assistant.Storage.Findings;

namespace Assistant.Api.Endpoints;

/// <summary>
/// <c>GET /v1/findings/report?format=json|html|docx&amp;top=</c>: the analytical report over the stored findings, the
/// catalog's amendment history and the audit trail's unanswered questions, for experts and admins.
/// </summary>
internal static partial class FindingReportEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const int MaxTop = 100;

    public static void MapFindingReportEndpoints(this WebApplication app) =>
        app.MapGet("/v1/findings/report", ReportAsync).WithTags("findings").WithName("findingsReport").RequireAuthorization(AccessPolicies.Drafting);

    /// <remarks>
    /// The store is looked up per request rather than bound, so that the API starts (and answers the rest) where no
    /// findings store is registered yet.
    /// </remarks>
    private static async Task<IResult> ReportAsync(
        string? format,
        int? top,
        HttpContext http,
        LegalCatalog catalog,
        IAuditTrail audit,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var chosen = (format ?? "json").Trim().ToLowerInvariant();
        if (chosen is not ("json" or "html" or "docx"))
        {
            return Problems.BadRequest($"format is '{format}'; it must be json, html or docx.", "format");
        }

        var count = top ?? FindingsReport.DefaultTop;
        if (count is < 0 or > MaxTop)
        {
            return Problems.BadRequest($"top is {count}; it must be between 0 and {MaxTop}.", "top");
        }

        if (http.RequestServices.GetService<IFindingStore>() is not { } store)
        {
            return Problems.TypedProblem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "No findings store is configured on this server.", null);
        }

        var now = DateTimeOffset.UtcNow;
        var report = await new FindingsReportSource(catalog, store, audit).BuildAsync(DateOnly.FromDateTime(now.UtcDateTime), null, count, now, cancellationToken);
        Reported(loggers.CreateLogger(typeof(FindingReportEndpoints)), chosen, report.Counts.Sum(c => c.Total));
        return chosen switch
        {
            "html" => Results.Text(FindingsReportHtml.Write(report), "text/html; charset=utf-8"),
            "docx" => Results.File(FindingsReportDocx.Write(report), DocxType, $"findings-report-{now:yyyy-MM-dd}.docx"),
            _ => Results.Text(FindingsReportJson.Serialize(report), "application/json; charset=utf-8"),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Findings report written as {Format} over {Findings} findings")]
    private static partial void Reported(ILogger logger, string format, int findings);
}
