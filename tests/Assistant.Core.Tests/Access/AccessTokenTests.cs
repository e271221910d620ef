using System.Security.Cryptography;
using Assistant.Core.Access;

namespace Assistant.Core.Tests.Access;

public class AccessTokenTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly long NowSeconds = Now.ToUnixTimeSeconds();

    private readonly byte[] keyBytes = RandomNumberGenerator.GetBytes(32);

    private SigningKey Key => SigningKey.Parse(Convert.ToBase64String(keyBytes));

    [Fact]
    public void Issued_token_validates_to_its_name_role_and_times()
    {
        var token = AccessToken.Issue(Key, "Асель Нурланова", AccessRole.Deputy, Now, TimeSpan.FromDays(30));

        var result = AccessToken.Validate(token, Key, Now.AddDays(29));

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(new AccessClaims("Асель Нурланова", AccessRole.Deputy, Now, Now.AddDays(30)), result.Claims);
    }

    [Fact]
    public void Token_with_a_tampered_payload_is_refused_for_its_signature()
    {
        var parts = AccessToken.Issue(Key, "expert1", AccessRole.Expert, Now, TimeSpan.FromHours(1)).Split('.');
        var promoted = ForgedToken.Encode(ForgedToken.Payload(NowSeconds, NowSeconds + 3600, role: "admin"));

        var result = AccessToken.Validate($"{parts[0]}.{promoted}.{parts[2]}", Key, Now);

        Assert.Equal(AccessTokenFailure.Signature, result.Failure);
        Assert.Contains("signature does not match", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_signed_with_another_key_is_refused_for_its_signature()
    {
        var otherKey = SigningKey.Parse(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var token = AccessToken.Issue(otherKey, "expert1", AccessRole.Expert, Now, TimeSpan.FromHours(1));

        Assert.Equal(AccessTokenFailure.Signature, AccessToken.Validate(token, Key, Now).Failure);
    }

    [Fact]
    public void Unsigned_token_with_alg_none_is_refused_by_name()
    {
        var token = ForgedToken.Unsigned(ForgedToken.Payload(NowSeconds, NowSeconds + 3600, role: "admin"));

        var result = AccessToken.Validate(token, Key, Now);

        Assert.Equal(AccessTokenFailure.Algorithm, result.Failure);
        Assert.Contains("unsigned", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"alg":"None"}""")]
    [InlineData("""{"alg":"HS512"}""")]
    [InlineData("""{"alg":"hs256"}""")]
    [InlineData("""{"alg":"RS256","typ":"JWT"}""")]
    [InlineData("""{"typ":"JWT"}""")]
    public void Token_with_any_algorithm_but_HS256_is_refused_even_when_its_mac_is_right(string header)
    {
        var token = ForgedToken.Sign(header, ForgedToken.Payload(NowSeconds, NowSeconds + 3600), keyBytes);

        var result = AccessToken.Validate(token, Key, Now);

        Assert.Equal(AccessTokenFailure.Algorithm, result.Failure);
        Assert.Contains("only HS256 is accepted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_token_is_refused_with_its_expiry_time()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, Now, TimeSpan.FromDays(1));

        var result = AccessToken.Validate(token, Key, Now.AddDays(1).AddMinutes(3));

        Assert.Equal(AccessTokenFailure.Expired, result.Failure);
        Assert.Equal("the token expired at 2025-03-02 10:00:00Z", result.Reason);
    }

    [Fact]
    public void Token_expired_within_the_clock_skew_is_still_accepted()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, Now, TimeSpan.FromDays(1));

        Assert.True(AccessToken.Validate(token, Key, Now.AddDays(1).AddMinutes(1)).IsValid);
    }

    [Fact]
    public void Token_issued_in_the_future_beyond_the_clock_skew_is_not_yet_valid()
    {
        var token = AccessToken.Issue(Key, "deputy1", AccessRole.Deputy, Now.AddMinutes(10), TimeSpan.FromDays(1));

        Assert.Equal(AccessTokenFailure.NotYetValid, AccessToken.Validate(token, Key, Now).Failure);
    }

    [Fact]
    public void Token_with_a_not_before_time_ahead_is_not_yet_valid()
    {
        var payload = $$"""{"sub":"a","role":"expert","iat":{{NowSeconds}},"nbf":{{NowSeconds + 3600}},"exp":{{NowSeconds + 7200}},"iss":"raglegal","aud":"raglegal-api"}""";

        var result = AccessToken.Validate(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key, Now);

        Assert.Equal(AccessTokenFailure.NotYetValid, result.Failure);
        Assert.Equal("the token is not valid before 2025-03-01 11:00:00Z", result.Reason);
    }

    [Theory]
    [InlineData("\"raglegal-admin\"")]
    [InlineData("[\"other-api\"]")]
    [InlineData("null")]
    public void Token_for_another_audience_is_refused(string audience)
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, aud: audience), keyBytes);

        var result = AccessToken.Validate(token, Key, Now);

        Assert.Equal(AccessTokenFailure.Audience, result.Failure);
        Assert.Equal("the token is not meant for \"raglegal-api\"", result.Reason);
    }

    [Fact]
    public void Token_whose_audiences_include_ours_is_accepted()
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, aud: "[\"other-api\",\"raglegal-api\"]"), keyBytes);

        Assert.True(AccessToken.Validate(token, Key, Now).IsValid);
    }

    [Fact]
    public void Token_from_another_issuer_is_refused_and_names_it()
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, iss: "someone-else"), keyBytes);

        var result = AccessToken.Validate(token, Key, Now);

        Assert.Equal(AccessTokenFailure.Issuer, result.Failure);
        Assert.Equal("the token was issued by \"someone-else\", not \"raglegal\"", result.Reason);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("Admin")]
    [InlineData("2")]
    public void Token_with_an_unknown_role_is_refused_and_names_it(string role)
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, role: role), keyBytes);

        var result = AccessToken.Validate(token, Key, Now);

        Assert.Equal(AccessTokenFailure.Role, result.Failure);
        Assert.Equal($"the token's role \"{role}\" is unknown; expected deputy, expert or admin", result.Reason);
    }

    [Fact]
    public void Token_naming_a_claim_twice_is_refused_as_malformed()
    {
        var payload = ForgedToken.Payload(NowSeconds, NowSeconds + 60).Replace("\"role\":\"expert\"", "\"role\":\"expert\",\"role\":\"admin\"", StringComparison.Ordinal);

        var result = AccessToken.Validate(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key, Now);

        Assert.Equal(AccessTokenFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Token_without_an_expiry_is_refused_as_malformed()
    {
        var payload = $$"""{"sub":"a","role":"expert","iat":{{NowSeconds}},"iss":"raglegal","aud":"raglegal-api"}""";

        var result = AccessToken.Validate(ForgedToken.Sign(ForgedToken.Header, payload, keyBytes), Key, Now);

        Assert.Equal(AccessTokenFailure.Malformed, result.Failure);
        Assert.Contains("no expiry", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.e30.c2ln")]
    [InlineData("W10.e30.c2ln")]
    public void Text_that_is_not_a_signed_jwt_is_refused_as_malformed(string token)
    {
        Assert.Equal(AccessTokenFailure.Malformed, AccessToken.Validate(token, Key, Now).Failure);
    }

    [Fact]
    public void A_long_forged_value_is_quoted_cut_short_in_the_reason()
    {
        var token = ForgedToken.Sign(ForgedToken.Header, ForgedToken.Payload(NowSeconds, NowSeconds + 60, role: new string('x', 500)), keyBytes);

        var reason = AccessToken.Validate(token, Key, Now).Reason;

        Assert.NotNull(reason);
        Assert.True(reason.Length < 120, reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public void Issuing_for_a_blank_or_control_character_name_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => AccessToken.Issue(Key, name, AccessRole.Expert, Now, TimeSpan.FromDays(1)));
    }
}
