using System.Net.Http.Headers;
using System.Security.Cryptography;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Api.Tests.Security;

/// <summary>The real API over an empty catalog in a temporary folder, with its own signing key and settings.</summary>
internal sealed class SecuredApi : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("raglegal-api-").FullName;
    private readonly WebApplicationFactory<Program> root = new();
    private readonly WebApplicationFactory<Program> factory;

    public SecuredApi(string? signingKey = null, params (string Key, string Value)[] settings)
    {
        SigningKeyText = signingKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Catalog:Path", Path.Combine(folder, "catalog.db"))
                .UseSetting("Auth:SigningKey", SigningKeyText);
            foreach (var (key, value) in ApiHost.Unthrottled)
            {
                builder.UseSetting(key, value);
            }

            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
    }

    public string SigningKeyText { get; }

    public HttpClient Client(string? token = null)
    {
        var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public string Token(AccessRole role, string name = "Асель Нурланова", DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null) =>
        AccessToken.Issue(SigningKey.Parse(SigningKeyText), name, role, issuedAt ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromDays(1));

    public void Dispose()
    {
        root.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
