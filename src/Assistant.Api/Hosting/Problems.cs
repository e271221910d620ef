using Assistant.Api.OpenAi;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Hosting;

/// <summary>RFC 9457 problem details whose detail says what was wrong with the request.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail, string? parameter = null) => TypedProblem(StatusCodes.Status400BadRequest, "Invalid request", detail, parameter);

    public static IResult NotFound(string detail) => TypedProblem(StatusCodes.Status404NotFound, "Not found", detail, null);

    public static IResult TypedProblem(int status, string title, string detail, string? parameter)
    {
        var extensions = parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter };
        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>Writes a problem from middleware, before any endpoint runs; in OpenAI's shape on its endpoints.</summary>
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        if (OpenAiErrorShape.Applies(context))
        {
            return OpenAiErrors.Write(context, status, detail);
        }

        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail },
            ApiJson.Options,
            contentType: "application/problem+json");
    }
}
