using System.Security.Claims;
using Serilog;
using Serilog.Events;

namespace Assistant.Api.Hosting;

/// <summary>
/// One event per request through Serilog's request logging: method, path, status and elapsed time, plus the route
/// that served it and who asked (user and role, or anonymous). A 4xx is a warning and a 5xx an error; neither carries
/// a stack trace here, as the exception handler logs the failures that have one.
/// </summary>
internal static class RequestLogging
{
    public const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    public static void UseRagLegalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = MessageTemplate;
            // The host's own logger: the static Log.Logger is not configured (see AddRagLegalLogging).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = Enrich;
            options.GetLevel = (context, _, _) => Level(context.Response.StatusCode);
        });

        // The route is taken as the request comes in: the exception handler clears the endpoint of a failed one.
        var diagnostics = app.Services.GetRequiredService<IDiagnosticContext>();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
            {
                diagnostics.Set("Route", route);
            }

            return next(context);
        });
    }

    internal static LogEventLevel Level(int status) => status switch
    {
        >= StatusCodes.Status500InternalServerError => LogEventLevel.Error,
        ClientErrorHandler.ClientClosedRequest => LogEventLevel.Information,
        >= StatusCodes.Status400BadRequest => LogEventLevel.Warning,
        _ => LogEventLevel.Information,
    };

    private static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
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
