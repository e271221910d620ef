using System.Net;
using Assistant.Web.Api;
using Assistant.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Assistant.Web.Components.Controls;

/// <summary>A failed call worded in the reader's language; the API's own detail follows, as it names what was wrong.</summary>
public static class ProblemMessage
{
    public static string For(Exception error, IStringLocalizer<Labels> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var lead = error switch
        {
            ApiProblemException { Status: HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType } => labels["Problem.Invalid"],
            ApiProblemException { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } => labels["Problem.Forbidden"],
            ApiProblemException { Status: HttpStatusCode.NotFound } => labels["Problem.NotFound"],
            ApiProblemException { Status: HttpStatusCode.Conflict } => labels["Problem.Conflict"],
            ApiProblemException { Status: HttpStatusCode.TooManyRequests } => labels["Problem.TooMany"],
            ApiProblemException => labels["Problem.Unavailable"],
            HttpRequestException => labels["Problem.Unreachable"],
            _ => labels["Problem.Unexpected"],
        };
        return error is ApiProblemException { Detail: { Length: > 0 } detail } ? $"{lead} {detail}" : lead.Value;
    }
}
