using System.Net;
using System.Text.Json;

namespace Assistant.Api.Tests.Security;

/// <summary>Reads a problem+json answer after checking its status.</summary>
internal static class ProblemResponse
{
    public static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString() ?? string.Empty;
    }

    public static string WwwAuthenticate(HttpResponseMessage response) => response.Headers.WwwAuthenticate.ToString();
}
