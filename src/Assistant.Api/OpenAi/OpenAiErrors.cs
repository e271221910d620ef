using Assistant.Api.Chat;
using Assistant.Api.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace Assistant.Api.OpenAi;

/// <summary>Marks an endpoint whose failures, including those of authentication and rate limits, take OpenAI's error shape.</summary>
internal sealed class OpenAiErrorShape
{
    public static OpenAiErrorShape Instance { get; } = new();

    /// <summary>Also while an exception is handled, when the exception handler has cleared the request's endpoint.</summary>
    public static bool Applies(HttpContext context) =>
        (context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint)?.Metadata.GetMetadata<OpenAiErrorShape>() is not null;
}

/// <summary>The error body OpenAI's clients read: <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
internal sealed record OpenAiError(string Message, string Type, string? Param, string? Code);

internal sealed record OpenAiErrorBody(OpenAiError Error);

internal static class OpenAiErrors
{
    /// <summary>In English: OpenAI's clients show the message to developers, and its shape has no language.</summary>
    public static IResult From(RequestError error) => Result(error.Status, error.Detail.ToString(), error.Parameter);

    /// <summary>A failed turn in OpenAI's shape, its detail in English as OpenAI's errors are.</summary>
    public static IResult From(ChatFailure failure) => Result(failure.Status, failure.Detail.ToString());

    public static IResult BadRequest(string message, string? param = null, string? code = null) =>
        Result(StatusCodes.Status400BadRequest, message, param, code);

    public static IResult Result(int status, string message, string? param = null, string? code = null) =>
        Results.Json(Body(status, message, param, code), OpenAiJson.Options, statusCode: status);

    /// <summary>Writes the error from middleware (authentication, authorization, rate limits), before the endpoint runs.</summary>
    public static Task Write(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Body(status, message, null, null), OpenAiJson.Options);
    }

    /// <summary>The type and code names OpenAI gives each status, so clients map them to their exceptions.</summary>
    private static OpenAiErrorBody Body(int status, string message, string? param, string? code) => new(new OpenAiError(
        message,
        status switch
        {
            StatusCodes.Status401Unauthorized => "authentication_error",
            StatusCodes.Status403Forbidden => "permission_error",
            StatusCodes.Status404NotFound => "not_found_error",
            StatusCodes.Status429TooManyRequests => "rate_limit_error",
            >= 500 => "server_error",
            _ => "invalid_request_error",
        },
        param,
        code ?? status switch
        {
            StatusCodes.Status401Unauthorized => "invalid_api_key",
            StatusCodes.Status403Forbidden => "insufficient_permissions",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status413PayloadTooLarge => "request_too_large",
            StatusCodes.Status429TooManyRequests => "rate_limit_exceeded",
            StatusCodes.Status503ServiceUnavailable => "overloaded",
            _ => null,
        }));
}
