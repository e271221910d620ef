using System.Net;
using Assistant.Api.Security;
using Assistant.Core.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Tests.Security;

public class SigningKeyStartupTests
{
    [Fact]
    public async Task Without_a_signing_key_the_api_serves_public_endpoints_and_says_none_is_configured_elsewhere()
    {
        using var api = new SecuredApi(signingKey: string.Empty);
        using var anonymous = api.Client();
        using var bearer = api.Client("eyJhbGciOiJIUzI1NiJ9.e30.c2ln");

        var acts = await anonymous.GetAsync(new Uri("/v1/acts", UriKind.Relative));
        var withoutToken = await anonymous.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));
        var withToken = await bearer.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, acts.StatusCode);
        Assert.Contains("no signing key is configured", await ProblemResponse.DetailAsync(withoutToken, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Contains("no signing key is configured", await ProblemResponse.DetailAsync(withToken, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("change-me")]
    [InlineData("too-short")]
    public void A_weak_signing_key_is_refused_when_the_bearer_options_are_read_with_the_reason(string key)
    {
        using var services = SecurityServices(key);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(BearerTokens.Scheme));

        Assert.StartsWith("Auth:SigningKey is refused: The signing key is ", error.Message, StringComparison.Ordinal);
        Assert.Equal(Assert.Throws<FormatException>(() => SigningKey.Parse(key)).Message, error.InnerException?.Message);
    }

    [Theory]
    [InlineData("Auth:ClockSkewSeconds", "3600")]
    [InlineData("Auth:Issuer", " ")]
    public void Auth_settings_out_of_bounds_stop_the_api_at_startup(string key, string value)
    {
        using var api = new SecuredApi(settings: (key, value));

        var error = Assert.ThrowsAny<Exception>(() => api.Client().Dispose());

        Assert.Contains(AccessTokenOptions.Rules, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_weak_signing_key_stops_the_api_at_startup()
    {
        using var api = new SecuredApi(signingKey: "change-me");

        // The host fails while starting; the test host reports that failure as the options error or, when its
        // service provider is already disposed by then, as an ObjectDisposedException: either way nothing serves.
        Assert.ThrowsAny<Exception>(() => api.Client().Dispose());
    }

    private static ServiceProvider SecurityServices(string key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = key }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddRagLegalSecurity(configuration);
        return services.BuildServiceProvider();
    }
}
