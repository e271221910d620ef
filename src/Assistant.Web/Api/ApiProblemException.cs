using System.Net;

namespace Assistant.Web.Api;

/// <summary>The API refused or failed a call: its status and the problem's detail, for the page to word in the reader's language.</summary>
public sealed class ApiProblemException(HttpStatusCode status, string? detail) : Exception(detail ?? status.ToString())
{
    public HttpStatusCode Status { get; } = status;

    public string? Detail { get; } = detail;
}
