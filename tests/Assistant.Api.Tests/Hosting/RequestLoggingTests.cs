using System.Net;
using System.Text.Json;
using Assistant.Api.Tests.Security;
using Assistant.Core.Access;

namespace Assistant.Api.Tests.Hosting;

public sealed class RequestLoggingTests : IDisposable
{
    private readonly string logs = Directory.CreateTempSubdirectory("raglegal-api-logs-").FullName;

    [Fact]
    public async Task A_request_is_logged_once_as_json_with_its_route_status_elapsed_time_user_and_role()
    {
        using (var api = new SecuredApi(settings: ("LogFile:Path", Path.Combine(logs, "api-.clef"))))
        {
            using var client = api.Client(api.Token(AccessRole.Expert, name: "Ерлан"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative))).StatusCode);
        }

        var request = Assert.Single(RequestEvents("/v1/auth/whoami"));
        Assert.Equal("GET", request.GetProperty("RequestMethod").GetString());
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.Equal("/v1/auth/whoami", request.GetProperty("Route").GetString());
        Assert.Equal("Ерлан", request.GetProperty("UserName").GetString());
        Assert.Equal("expert", request.GetProperty("UserRole").GetString());
        Assert.True(request.GetProperty("Elapsed").GetDouble() > 0);
    }

    [Fact]
    public async Task A_request_without_a_token_is_logged_as_anonymous()
    {
        using (var api = new SecuredApi(settings: ("LogFile:Path", Path.Combine(logs, "api-.clef"))))
        {
            using var client = api.Client();
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative))).StatusCode);
        }

        var request = Assert.Single(RequestEvents("/v1/auth/whoami"));
        Assert.Equal(401, request.GetProperty("StatusCode").GetInt32());
        Assert.Equal("anonymous", request.GetProperty("UserName").GetString());
        Assert.False(request.TryGetProperty("UserRole", out _));
    }

    public void Dispose() => Directory.Delete(logs, recursive: true);

    /// <summary>The request log's events for a path; other events of the request carry its path too.</summary>
    private List<JsonElement> RequestEvents(string path) =>
        [.. Directory.GetFiles(logs, "*.clef")
            .SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .Where(e => e.GetProperty("SourceContext").GetString() == "Serilog.AspNetCore.RequestLoggingMiddleware" && e.GetProperty("RequestPath").GetString() == path)];
}
