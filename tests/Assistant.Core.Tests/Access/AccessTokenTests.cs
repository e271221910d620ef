using System.Security.Claims;
using System.Security.Cryptography;
using Assistant.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Assistant.Core.Tests.Access;

public class AccessTokenTests
{
    private readonly DateTimeOffset now = TokenCheck.Now();

    private readonly byte[] keyBytes = RandomNumberGenerator.GetBytes(32);

    private long NowSeconds => now.ToUnixTimeSeconds();

    private SigningKey Key => SigningKey.Parse(Convert.ToBase64String(keyBytes));

    [Fact]
    public async Task Issued_token_validates_to_its_name_role_and_times()
    {
        var token = AccessToken.Issue(Key, "Асель Нурланова", AccessRole.Deputy, now, TimeSpan.FromDays(30));

        var result = await TokenCheck.ValidateAsync(token, Key);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("Асель Нурланова", result.ClaimsIdentity.Name);
        Assert.Equal("deputy", result.ClaimsIdentity.FindFirst(ClaimTypes.Role)?.Value);
        var jwt = Assert.IsType<JsonWebToken>(result.SecurityToken);
        Assert.Equal(("HS256", "raglegal", "raglegal-api"), (jwt.Alg, jwt.Issuer, Assert.Single(jwt.Audiences)));
        Assert.Equal((now.UtcDateTime, now.UtcDateTime, now.AddDays(30).UtcDateTime), (jwt.IssuedAt, jwt.ValidFrom, jwt.ValidTo));
    }

    [Fact]
    public async Task Token_with_a_tampered_payload_is_refused_for_its_signature()
    {
        var parts = AccessToken.Issue(Key, "expert1", AccessRole.Expert, now, TimeSpan.FromHours(1)).Split('.');
        var promoted = ForgedToken.Encode(ForgedToken.Payload(NowSeconds, NowSeconds + 3600, role: "admin"));

        var refusal = await TokenCheck.RefusalAsync($"{parts[0]}.{promoted}.{parts[2]}", Key);

        Assert.Equal(AccessTokenFailure.Signature, refusal.Failure);
        Assert.Contains("signature does not match", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_refused_for_its_signature()
    {
        var otherKey = SigningKey.Parse(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var token = AccessToken.Issue(otherKey, "expert1", AccessRole.Expert, now, TimeSpan.FromHours(1));

        Assert.Equal(AccessTokenFailure.Signature, (await TokenCheck.RefusalAsync(token, Key)).Failure);
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused_by_name()
    {
        var token = ForgedToken.Unsigned(ForgedToken.Payload(NowSeconds, NowSeconds + 3600, role: "admin"));

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.Algorithm, refusal.Failure);
        Assert.Equal("the token is unsigned (alg \"none\"); only HS256 is accepted", refusal.Reason);
    }

    [Theory]
    [InlineData("""{"alg":"None"}""")]
    [InlineData("""{"alg":"HS512"}""")]
    [InlineData("""{"alg":"hs256"}""")]
    [InlineData("""{"alg":"RS256","typ":"JWT"}""")]
    [InlineData("""{"typ":"JWT"}""")]
    public async Task Token_with_any_algorithm_but_HS256_is_refused_even_when_its_mac_is_right(string header)
    {
        var token = ForgedToken.Sign(header, ForgedToken.Payload(NowSeconds, NowSeconds + 3600), keyBytes);

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.Algorithm, refusal.Failure);
        Assert.Contains("only HS256 is accepted", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_token_is_refused_with_its_expiry_time()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, now.AddDays(-2), TimeSpan.FromDays(1));

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.Expired, refusal.Failure);
        Assert.Equal($"the token expired at {TokenCheck.Utc(now.AddDays(-1))}", refusal.Reason);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_still_accepted()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, now.AddHours(-1), TimeSpan.FromHours(1) - TimeSpan.FromSeconds(10));

        Assert.True((await TokenCheck.ValidateAsync(token, Key)).IsValid);
    }

    [Fact]
    public async Task Token_expired_longer_ago_than_the_clock_skew_is_refused()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, now.AddHours(-1), TimeSpan.FromHours(1) - TimeSpan.FromSeconds(90));

        Assert.Equal(AccessTokenFailure.Expired, (await TokenCheck.RefusalAsync(token, Key)).Failure);
    }

    [Fact]
    public async Task A_clock_skew_of_zero_refuses_a_token_the_default_skew_accepts()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, now.AddHours(-1), TimeSpan.FromHours(1) - TimeSpan.FromSeconds(10));

        var refusal = await TokenCheck.RefusalAsync(token, Key, new AccessTokenOptions { ClockSkewSeconds = 0 });

        Assert.Equal(AccessTokenFailure.Expired, refusal.Failure);
    }

    [Fact]
    public async Task Token_issued_in_the_future_beyond_the_clock_skew_is_not_yet_valid()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, now.AddMinutes(10), TimeSpan.FromDays(1));

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.NotYetValid, refusal.Failure);
        Assert.Equal($"the token is not valid before {TokenCheck.Utc(now.AddMinutes(10))}", refusal.Reason);
    }

    [Fact]
    public async Task Token_issued_ahead_within_the_clock_skew_is_accepted()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, now.AddSeconds(10), TimeSpan.FromDays(1));

        Assert.True((await TokenCheck.ValidateAsync(token, Key)).IsValid);
    }

    [Fact]
    public async Task Token_with_a_not_before_time_ahead_is_not_yet_valid()
    {
        var payload = $$"""{"sub":"a","role":"expert","iat":{{NowSeconds}},"nbf":{{NowSeconds + 3600}},"exp":{{NowSeconds + 7200}},"iss":"raglegal","aud":"raglegal-api"}""";

        var refusal = await TokenCheck.RefusalAsync(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key);

        Assert.Equal(AccessTokenFailure.NotYetValid, refusal.Failure);
        Assert.Equal($"the token is not valid before {TokenCheck.Utc(now.AddHours(1))}", refusal.Reason);
    }

    [Theory]
    [InlineData("\"raglegal-admin\"")]
    [InlineData("[\"other-api\"]")]
    [InlineData("null")]
    public async Task Token_for_another_audience_is_refused(string audience)
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, aud: audience), keyBytes);

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.Audience, refusal.Failure);
        Assert.Equal("the token is not meant for \"raglegal-api\"", refusal.Reason);
    }

    [Fact]
    public async Task Token_whose_audiences_include_ours_is_accepted()
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, aud: "[\"other-api\",\"raglegal-api\"]"), keyBytes);

        Assert.True((await TokenCheck.ValidateAsync(token, Key)).IsValid);
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused_and_names_it()
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, iss: "someone-else"), keyBytes);

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.Issuer, refusal.Failure);
        Assert.Equal("the token was issued by \"someone-else\", not \"raglegal\"", refusal.Reason);
    }

    [Fact]
    public async Task Configured_issuer_and_audience_are_written_and_required()
    {
        var parliament = new AccessTokenOptions { Issuer = "parliament-kz", Audience = "raglegal-web" };
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, now, TimeSpan.FromHours(1), parliament);

        var accepted = await TokenCheck.ValidateAsync(token, Key, parliament);
        var byIssuer = await TokenCheck.RefusalAsync(token, Key, new AccessTokenOptions { Audience = "raglegal-web" });
        var byAudience = await TokenCheck.RefusalAsync(token, Key, new AccessTokenOptions { Issuer = "parliament-kz" });

        Assert.True(accepted.IsValid, accepted.Exception?.Message);
        Assert.Equal("the token was issued by \"parliament-kz\", not \"raglegal\"", byIssuer.Reason);
        Assert.Equal(AccessTokenFailure.Audience, byAudience.Failure);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("Admin")]
    [InlineData("2")]
    public async Task Token_with_an_unknown_role_is_refused_and_names_it(string role)
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, role: role), keyBytes);

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.Role, refusal.Failure);
        Assert.Equal($"the token's role \"{role}\" is unknown; expected deputy, expert, moderator or admin", refusal.Reason);
    }

    [Fact]
    public async Task Token_with_two_roles_is_refused()
    {
        var payload = ForgedToken.Payload(NowSeconds, NowSeconds + 60).Replace("\"role\":\"expert\"", "\"role\":[\"expert\",\"admin\"]", StringComparison.Ordinal);

        var refusal = await TokenCheck.RefusalAsync(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key);

        Assert.Equal(AccessTokenFailure.Role, refusal.Failure);
    }

    [Fact]
    public async Task Token_without_a_user_is_refused_as_malformed()
    {
        var payload = $$"""{"role":"expert","iat":{{NowSeconds}},"exp":{{NowSeconds + 60}},"iss":"raglegal","aud":"raglegal-api"}""";

        var refusal = await TokenCheck.RefusalAsync(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key);

        Assert.Equal(new AccessTokenRefusal(AccessTokenFailure.Malformed, "the token names no user (sub)"), refusal);
    }

    [Fact]
    public async Task Token_without_an_expiry_is_refused_as_malformed()
    {
        var payload = $$"""{"sub":"a","role":"expert","iat":{{NowSeconds}},"iss":"raglegal","aud":"raglegal-api"}""";

        var refusal = await TokenCheck.RefusalAsync(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key);

        Assert.Equal(AccessTokenFailure.Malformed, refusal.Failure);
        Assert.Contains("no expiry", refusal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.e30.c2ln")]
    [InlineData("W10.e30.c2ln")]
    public async Task Text_that_is_not_a_signed_jwt_is_refused_as_malformed(string token)
    {
        Assert.Equal(AccessTokenFailure.Malformed, (await TokenCheck.RefusalAsync(token, Key)).Failure);
    }

    [Fact]
    public async Task A_token_longer_than_any_of_ours_is_refused_before_it_is_decoded()
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, role: new string('x', AccessToken.MaxLength)), keyBytes);

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.Malformed, refusal.Failure);
        Assert.StartsWith($"the token is {token.Length} characters long", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_forged_value_is_quoted_cut_short_in_the_reason()
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, role: new string('x', 500)), keyBytes);

        var reason = (await TokenCheck.RefusalAsync(token, Key)).Reason;

        Assert.True(reason.Length < 120, reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public void Issuing_for_a_blank_or_control_character_name_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => AccessToken.Issue(Key, name, AccessRole.Expert, now, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Issuing_for_longer_than_a_year_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, now, TimeSpan.FromDays(AccessToken.MaxLifetimeDays + 1)));
    }

    [Fact]
    public async Task A_token_signed_with_the_key_for_ten_years_is_refused_for_its_lifetime()
    {
        var tenYears = NowSeconds + (long)TimeSpan.FromDays(3650).TotalSeconds;
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, tenYears, role: "admin"), keyBytes);

        var refusal = await TokenCheck.RefusalAsync(token, Key);

        Assert.Equal(AccessTokenFailure.Lifetime, refusal.Failure);
        Assert.Equal(
            $"the token is valid for 3650 days (issued {TokenCheck.Utc(now)}, expiring {TokenCheck.Utc(now.AddDays(3650))}); at most 365 are accepted",
            refusal.Reason);
    }

    [Fact]
    public async Task A_token_dated_as_issued_in_a_years_time_is_refused_for_living_too_long_from_now()
    {
        // Within the cap from its own iat, but valid for two years from now; nbf is left out, so nothing else holds it back.
        var iat = NowSeconds + (long)TimeSpan.FromDays(365).TotalSeconds;
        var exp = iat + (long)TimeSpan.FromDays(365).TotalSeconds;
        var payload = $$"""{"sub":"a","role":"admin","iat":{{iat}},"exp":{{exp}},"iss":"raglegal","aud":"raglegal-api"}""";

        var refusal = await TokenCheck.RefusalAsync(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key);

        Assert.Equal(AccessTokenFailure.Lifetime, refusal.Failure);
        Assert.Contains("more than 365 days from now", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_an_issue_time_is_refused_as_malformed()
    {
        var payload = $$"""{"sub":"a","role":"expert","exp":{{NowSeconds + 60}},"iss":"raglegal","aud":"raglegal-api"}""";

        var refusal = await TokenCheck.RefusalAsync(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key);

        Assert.Equal(new AccessTokenRefusal(AccessTokenFailure.Malformed, "the token has no issue time (iat)"), refusal);
    }

    [Fact]
    public async Task A_token_issued_for_the_longest_lifetime_is_accepted()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Admin, now, TimeSpan.FromDays(AccessToken.MaxLifetimeDays));

        Assert.True((await TokenCheck.ValidateAsync(token, Key)).IsValid);
    }
}
