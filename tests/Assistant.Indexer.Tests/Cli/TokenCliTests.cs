using System.Security.Claims;
using System.Security.Cryptography;
using Assistant.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Assistant.Indexer.Tests.Cli;

public sealed class TokenCliTests
{
    private readonly string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Token_issue_prints_an_hs256_jwt_the_api_accepts_with_the_configured_issuer_and_audience()
    {
        var run = await IndexerProcess.RunAsync(
            new Dictionary<string, string> { ["RAGLEGAL_Auth__SigningKey"] = key, ["RAGLEGAL_Auth__Issuer"] = "parliament-kz", ["RAGLEGAL_Auth__Audience"] = "raglegal-web" },
            "token", "issue", "--role", "expert", "--name", "Ерлан", "--days", "7");
        var settings = new AccessTokenOptions { Issuer = "parliament-kz", Audience = "raglegal-web" };

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = await new AccessTokenHandler().ValidateTokenAsync(run.Output.Trim(), AccessToken.ValidationParameters(SigningKey.Parse(key), settings));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("Ерлан", result.ClaimsIdentity.Name);
        Assert.Equal("expert", result.ClaimsIdentity.FindFirst(ClaimTypes.Role)?.Value);
        var jwt = Assert.IsType<JsonWebToken>(result.SecurityToken);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal(TimeSpan.FromDays(7), jwt.ValidTo - jwt.ValidFrom);
    }

    [Theory]
    [InlineData("change-me", "placeholder")]
    [InlineData("", "No signing key")]
    public async Task Token_issue_without_a_strong_key_is_an_error_saying_why(string signingKey, string reason)
    {
        var run = await IndexerProcess.RunAsync(
            new Dictionary<string, string> { ["RAGLEGAL_Auth__SigningKey"] = signingKey },
            "token", "issue", "--role", "deputy", "--name", "deputy1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Errors, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Token_issue_with_a_blank_issuer_is_an_error_naming_the_rules()
    {
        var run = await IndexerProcess.RunAsync(
            new Dictionary<string, string> { ["RAGLEGAL_Auth__SigningKey"] = key, ["RAGLEGAL_Auth__Issuer"] = " " },
            "token", "issue", "--role", "deputy", "--name", "deputy1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(AccessTokenOptions.Rules, run.Errors, StringComparison.Ordinal);
    }
}
