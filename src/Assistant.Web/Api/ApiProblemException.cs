using System.Net;

namespace Assistant.Web.Api;

/// <summary>The API refused or failed a call: its status and the problem's detail, for the page to word in the reader's language.</summary>
/// <param name="title">The problem's title, where one status covers several refusals (409: a duplicate, or a closed discussion).</param>
public sealed class ApiProblemException(HttpStatusCode status, string? detail, string? title = null) : Exception(detail ?? status.ToString())
{
    public HttpStatusCode Status { get; } = status;

    public string? Detail { get; } = detail;

    public string? Title { get; } = title;
}
