using System.Security.Claims;
using Assistant.Core.Access;
using Assistant.Web.Api;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Assistant.Web.Tests.Components;

public sealed class ApiTokensTests
{
    private static readonly SigningKey Key = SigningKey.Parse("api-tokens-test-signing-key-0123456789abcdefghijkl");

    private readonly ApiTokens _tokens = new(Options.Create(new AccessTokenOptions()), Options.Create(new ApiTokenKey { Key = Key }), TimeProvider.System);

    [Fact]
    public async Task A_signed_in_person_gets_a_five_minute_token_with_their_name_and_role_that_the_api_accepts()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "expert.aigerim"), new Claim(ClaimTypes.Role, "expert")], "Identity.Application"));

        var token = _tokens.For(user)!;
        var read = new JsonWebToken(token);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(token, AccessToken.ValidationParameters(Key, new AccessTokenOptions()));

        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal("expert.aigerim", read.Subject);
        Assert.Equal(TimeSpan.FromMinutes(5), read.ValidTo - read.ValidFrom);
    }

    [Fact]
    public void A_visitor_or_an_unknown_role_gets_no_token()
    {
        var visitor = new ClaimsPrincipal(new ClaimsIdentity());
        var odd = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, "superuser")], "Identity.Application"));

        Assert.Null(_tokens.For(visitor));
        Assert.Null(_tokens.For(odd));
    }
}
