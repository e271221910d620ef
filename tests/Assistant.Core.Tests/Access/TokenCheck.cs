using Assistant.Core.Access;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Core.Tests.Access;

/// <summary>Validates a token as the API's JwtBearer scheme does: <see cref="AccessTokenHandler"/> with the Auth settings.</summary>
internal static class TokenCheck
{
    public static Task<TokenValidationResult> ValidateAsync(string token, SigningKey key, AccessTokenOptions? options = null) =>
        new AccessTokenHandler().ValidateTokenAsync(token, AccessToken.ValidationParameters(key, options ?? new AccessTokenOptions()));

    /// <summary>Why the token is refused; fails the test when it is accepted.</summary>
    public static async Task<AccessTokenRefusal> RefusalAsync(string token, SigningKey key, AccessTokenOptions? options = null)
    {
        var result = await ValidateAsync(token, key, options);
        Assert.False(result.IsValid, "The token was accepted.");
        return AccessTokenRefusal.Explain(result.Exception, options ?? new AccessTokenOptions());
    }

    /// <summary>Now in whole seconds, as tokens hold times, so that times in reasons can be predicted.</summary>
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
}
