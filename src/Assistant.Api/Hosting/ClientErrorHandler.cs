using Assistant.Api.OpenAi;
using Microsoft.AspNetCore.Diagnostics;

namespace Assistant.Api.Hosting;

/// <summary>
/// Exceptions that are the caller's doing, not the server's: a request the framework could not bind becomes its 4xx
/// problem (<see cref="BindingFailure"/>), logged as a warning without a stack trace; a request the caller abandoned is
/// noted and left. Anything else is not handled here, so the exception handler logs it as an error with its stack
/// and answers 500. Handled exceptions are not logged again by the middleware (its default in .NET 10).
/// </summary>
internal sealed partial class ClientErrorHandler(ILogger<ClientErrorHandler> logger) : IExceptionHandler
{
    /// <summary>The status nginx gave a request whose client closed the connection; no one reads it.</summary>
    public const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            RequestAbandoned(logger, request.Method, request.Path);
            httpContext.Response.StatusCode = ClientClosedRequest;
            return true;
        }

        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var failure = BindingFailure.Explain(bad);
        RequestRefused(logger, failure.Status, request.Method, request.Path, failure.Detail.ToString(), bad.Message);
        httpContext.Response.StatusCode = failure.Status;
        if (OpenAiErrorShape.Applies(httpContext))
        {
            var language = httpContext.RequestServices.GetRequiredService<ProblemLanguage>();
            await OpenAiErrors.Result(failure.Status, language.Say(failure.Detail), failure.Parameter).ExecuteAsync(httpContext);
        }
        else
        {
            await Problems.TypedProblem(failure.Status, failure.Title, failure.Detail, failure.Parameter).ExecuteAsync(httpContext);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Method} {Path} refused with {Status}: {Detail} (the framework said: {Reason})")]
    private static partial void RequestRefused(ILogger logger, int status, string method, string path, string detail, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {Method} {Path} abandoned by its client")]
    private static partial void RequestAbandoned(ILogger logger, string method, string path);
}
