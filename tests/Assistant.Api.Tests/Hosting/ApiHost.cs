using System.Net.Http.Headers;
using Assistant.Core.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Api.Tests.Hosting;

/// <summary>The real API in memory over a copy of a test catalog, with settings for the case at hand.</summary>
public sealed class ApiHost(string catalogPath, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>A key that passes the strength check; tests issue their own tokens with it.</summary>
    public const string SigningKeyText = "test-signing-key-0123456789abcdefghijklmnopqrstuvwxyz";

    public static SigningKey SigningKey { get; } = SigningKey.Parse(SigningKeyText);

    /// <summary>A client whose requests carry a token of this role.</summary>
    public HttpClient ClientAs(AccessRole role, string name = "aida.nurlanovna")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, name));
        return client;
    }

    /// <summary>
    /// Per-user chat and forecast buckets no test drains: many tests ask several questions as one user. Tests of
    /// those limits set low ones, which override these.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Unthrottled { get; } = AccessRoles.All
        .SelectMany(role => new[] { "Chat", "Forecasts" }.Select(limit => $"RateLimits:{limit}:{role}:TokenLimit"))
        .ToDictionary(key => key, _ => "1000000");

    public static string Token(AccessRole role, string name) => AccessToken.Issue(SigningKey, name, role, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Catalog:Path", catalogPath);
        builder.UseSetting("Auth:SigningKey", SigningKeyText);
        builder.UseSetting("Vectors:Store", "none");
        foreach (var (key, value) in Unthrottled)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
