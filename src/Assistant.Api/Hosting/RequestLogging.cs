using System.Diagnostics;

namespace Assistant.Api.Hosting;

/// <summary>One structured event per request: method, path, status and elapsed time.</summary>
internal sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Handled(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {Milliseconds:F1} ms")]
    private static partial void Handled(ILogger logger, string method, string path, int statusCode, double milliseconds);
}
