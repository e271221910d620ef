using System.Net;
using Assistant.Api.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Security;

/// <summary>The API's responses, errors included, carry a policy that lets nothing run, forbid framing and name no server.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("raglegal-api-").FullName;
    private readonly WebApplicationFactory<Program> root = new();

    [Fact]
    public async Task Kestrel_serves_the_security_headers_on_answers_and_problems_and_no_server_header()
    {
        using var factory = Factory("Development");
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        foreach (var (path, status) in (IEnumerable<(string, HttpStatusCode)>)[("/health/live", HttpStatusCode.OK), ("/v1/auth/whoami", HttpStatusCode.Unauthorized), ("/v1/nothing-here", HttpStatusCode.NotFound)])
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(status, response.StatusCode);
            var policy = Header(response, "Content-Security-Policy");
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.False(response.Headers.Contains("Server"), $"{path} names its server: {response.Headers.Server}");
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS sent in Development over http");
        }
    }

    [Fact]
    public async Task Outside_development_an_https_request_gets_hsts()
    {
        using var factory = Factory("Production");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://raglegal.example") });

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
    }

    public void Dispose()
    {
        root.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private WebApplicationFactory<Program> Factory(string environment) => root.WithWebHostBuilder(builder => builder
        .UseEnvironment(environment)
        .UseSetting("Catalog:Path", Path.Combine(folder, "catalog.db"))
        .UseSetting("Auth:SigningKey", ApiHost.SigningKeyText)
        .UseSetting("Vectors:Store", "none"));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;
}
