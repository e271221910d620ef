using System.Net;
using Assistant.Core.Access;

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
    public void A_weak_signing_key_stops_the_api_at_startup_with_the_reason(string key)
    {
        using var api = new SecuredApi(signingKey: key);

        var error = Assert.Throws<InvalidOperationException>(() => api.Client().Dispose());

        Assert.StartsWith("Auth:SigningKey is refused: The signing key is ", error.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void Startup_refusal_carries_the_same_message_as_the_key_itself()
    {
        using var api = new SecuredApi(signingKey: "change-me");

        var error = Assert.Throws<InvalidOperationException>(() => api.Client().Dispose());

        Assert.Equal(Assert.Throws<FormatException>(() => SigningKey.Parse("change-me")).Message, error.InnerException?.Message);
    }
}
