using Assistant.Api.OpenAi;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Hosting;

/// <summary>
/// RFC 9457 problem details whose detail says what was wrong with the request, titled and worded in the caller's
/// language (<see cref="ProblemLanguage"/>).
/// </summary>
internal static class Problems
{
    public static IResult BadRequest(ProblemText detail, string? parameter = null) => TypedProblem(StatusCodes.Status400BadRequest, "Invalid request", detail, parameter);

    public static IResult NotFound(ProblemText detail) => TypedProblem(StatusCodes.Status404NotFound, "Not found", detail, null);

    public static IResult TypedProblem(int status, string title, ProblemText detail, string? parameter) => new LocalizedProblem(status, title, detail, parameter);

    /// <summary>Writes a problem from middleware, before any endpoint runs; in OpenAI's shape on its endpoints.</summary>
    public static Task Write(HttpContext context, int status, string title, ProblemText detail)
    {
        var language = context.RequestServices.GetRequiredService<ProblemLanguage>();
        if (OpenAiErrorShape.Applies(context))
        {
            return OpenAiErrors.Write(context, status, language.Say(detail));
        }

        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            language.Translate(new ProblemDetails { Status = status, Title = title, Detail = language.Say(detail) }),
            ApiJson.Options,
            contentType: "application/problem+json");
    }

    /// <summary>A problem worded when it is written, in the language of the request it answers.</summary>
    private sealed class LocalizedProblem(int status, string title, ProblemText detail, string? parameter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var language = httpContext.RequestServices.GetRequiredService<ProblemLanguage>();
            var extensions = parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter };
            return Results.Problem(detail: language.Say(detail), statusCode: status, title: language.Title(title), extensions: extensions).ExecuteAsync(httpContext);
        }
    }
}
