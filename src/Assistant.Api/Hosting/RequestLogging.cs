using System.Security.Claims;
using Serilog;

namespace Assistant.Api.Hosting;

/// <summary>
/// One event per request through Serilog's request logging: method, path, status and elapsed time, plus the route
/// that served it and who asked (user and role, or anonymous).
/// </summary>
internal static class RequestLogging
{
    public const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    public static void UseRagLegalRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = MessageTemplate;
            // The host's own logger: the static Log.Logger is not configured (see AddRagLegalLogging).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = Enrich;
        });

    private static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            diagnostics.Set("Route", route);
        }

        var user = context.User;
        if (user.Identity is { IsAuthenticated: true } identity)
        {
            diagnostics.Set("UserName", identity.Name);
            diagnostics.Set("UserRole", user.FindFirstValue(ClaimTypes.Role));
        }
        else
        {
            diagnostics.Set("UserName", "anonymous");
        }
    }
}
