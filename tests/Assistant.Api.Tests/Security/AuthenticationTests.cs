using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Assistant.Core.Access;

namespace Assistant.Api.Tests.Security;

public sealed class AuthenticationTests : IDisposable
{
    private readonly SecuredApi api = new();

    [Fact]
    public async Task Acts_are_listed_without_a_token()
    {
        using var client = api.Client();

        var response = await client.GetAsync(new Uri("/v1/acts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Acts_are_listed_even_for_a_caller_whose_token_is_refused()
    {
        using var client = api.Client("not-a-token");

        var response = await client.GetAsync(new Uri("/v1/acts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Whoami_without_a_token_is_401_saying_a_token_is_needed()
    {
        using var client = api.Client();

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("needs an access token", detail, StringComparison.Ordinal);
        Assert.Equal("Bearer realm=\"raglegal-api\"", ProblemResponse.WwwAuthenticate(response));
    }

    [Fact]
    public async Task Whoami_with_an_expired_token_is_401_saying_when_it_expired()
    {
        var yesterday = DateTimeOffset.UtcNow.AddDays(-2);
        using var client = api.Client(api.Token(AccessRole.Expert, issuedAt: yesterday, lifetime: TimeSpan.FromDays(1)));

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("The access token was refused: the token expired at ", detail, StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\", error_description=\"the token expired at ", ProblemResponse.WwwAuthenticate(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_with_a_token_signed_by_another_key_is_401_saying_the_signature_does_not_match()
    {
        var forged = AccessToken.Issue(
            SigningKey.Parse(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), "intruder", AccessRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        using var client = api.Client(forged);

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("signature does not match", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reason_echoing_non_ascii_text_from_a_forged_header_is_sent_as_ascii()
    {
        var header = Base64Url.EncodeToString("""{"alg":"ключ"}"""u8);
        using var client = api.Client($"{header}.e30.c2ln");

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("the token is signed with \"ключ\"", detail, StringComparison.Ordinal);
        Assert.Contains(
            "error_description=\"the token is signed with '????'; only HS256 is accepted\"",
            ProblemResponse.WwwAuthenticate(response),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_with_a_token_from_another_issuer_is_401_naming_the_issuer()
    {
        var token = AccessToken.Issue(
            SigningKey.Parse(api.SigningKeyText), "intruder", AccessRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), new AccessTokenOptions { Issuer = "someone-else" });
        using var client = api.Client(token);

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The access token was refused: the token was issued by \"someone-else\", not \"raglegal\".", detail);
    }

    [Fact]
    public async Task Whoami_with_a_token_for_another_audience_is_401_naming_ours()
    {
        var token = AccessToken.Issue(
            SigningKey.Parse(api.SigningKeyText), "intruder", AccessRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), new AccessTokenOptions { Audience = "raglegal-admin" });
        using var client = api.Client(token);

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The access token was refused: the token is not meant for \"raglegal-api\".", detail);
    }

    [Fact]
    public async Task Whoami_with_an_unsigned_token_is_401_saying_only_HS256_is_accepted()
    {
        var payload = $$"""{"sub":"intruder","role":"admin","iat":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}},"iss":"raglegal","aud":"raglegal-api"}""";
        var unsigned = $"{Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8)}.{Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload))}.";
        using var client = api.Client(unsigned);

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The access token was refused: the token is unsigned (alg \"none\"); only HS256 is accepted.", detail);
    }

    [Fact]
    public async Task A_token_that_expired_seconds_ago_is_accepted_within_the_clock_skew_and_refused_without_one()
    {
        using var strict = new SecuredApi(settings: ("Auth:ClockSkewSeconds", "0"));
        var justExpired = TimeSpan.FromHours(1) - TimeSpan.FromSeconds(10);
        using var lenient = api.Client(api.Token(AccessRole.Deputy, issuedAt: DateTimeOffset.UtcNow.AddHours(-1), lifetime: justExpired));
        using var exact = strict.Client(strict.Token(AccessRole.Deputy, issuedAt: DateTimeOffset.UtcNow.AddHours(-1), lifetime: justExpired));

        var accepted = await lenient.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));
        var refused = await exact.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.StartsWith("The access token was refused: the token expired at ", await ProblemResponse.DetailAsync(refused, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_token_signed_with_the_key_for_ten_years_is_401_naming_the_cap()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var client = api.Client(SignedByHand(now, now + (long)TimeSpan.FromDays(3650).TotalSeconds));

        var response = await client.GetAsync(new Uri("/v1/audit", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("The access token was refused: the token is valid for 3650 days", detail, StringComparison.Ordinal);
        Assert.Contains("at most 365 are accepted", detail, StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\", error_description=\"the token is valid for 3650 days", ProblemResponse.WwwAuthenticate(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_an_issue_time_is_401_saying_so()
    {
        using var client = api.Client(SignedByHand(null, DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()));

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The access token was refused: the token has no issue time (iat).", detail);
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_401_saying_so()
    {
        using var client = api.Client(SignedByHand(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), null));

        var response = await client.GetAsync(new Uri("/v1/auth/whoami", UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The access token was refused: the token has no expiry (exp).", detail);
    }

    [Fact]
    public async Task An_admin_token_for_the_longest_lifetime_reads_the_audit()
    {
        using var client = api.Client(api.Token(AccessRole.Admin, lifetime: TimeSpan.FromDays(AccessToken.MaxLifetimeDays)));

        var response = await client.GetAsync(new Uri("/v1/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_header_without_a_token_is_401_saying_so()
    {
        using var client = api.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/auth/whoami", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer");

        var response = await client.SendAsync(request);

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The access token was refused: the Authorization header says Bearer but carries no token.", detail);
    }

    [Fact]
    public async Task Whoami_with_a_valid_token_returns_its_name_and_role()
    {
        using var client = api.Client(api.Token(AccessRole.Deputy, name: "Асель Нурланова"));

        var caller = await client.GetFromJsonAsync<CallerBody>(new Uri("/v1/auth/whoami", UriKind.Relative));

        Assert.Equal(new CallerBody("Асель Нурланова", "deputy"), caller);
    }

    public void Dispose() => api.Dispose();

    /// <summary>An admin token signed with the server's key by hand, with iat and exp as given (left out when null).</summary>
    private string SignedByHand(long? issuedAt, long? expires)
    {
        var times = (issuedAt is { } iat ? $",\"iat\":{iat}" : string.Empty) + (expires is { } exp ? $",\"exp\":{exp}" : string.Empty);
        var payload = $$"""{"sub":"intruder","role":"admin","iss":"raglegal","aud":"raglegal-api"{{times}}}""";
        var input = $"{Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8)}.{Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload))}";
        var key = Convert.FromBase64String(api.SigningKeyText);
        return $"{input}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(input)))}";
    }

    private sealed record CallerBody(string Name, string Role);
}
