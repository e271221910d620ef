using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Core.Access;

/// <summary>
/// <see cref="JsonWebTokenHandler"/> with the API's rules on top. The header's algorithm must be HS256 before
/// anything is verified: the library reports "none" or a swapped algorithm only as a key it cannot find, and a
/// caller deserves to hear which it was. A valid token must name one user and one known role, and carry iat and exp no
/// further apart, nor exp further from now, than <see cref="AccessToken.MaxLifetimeDays"/>: the cap applies to what is
/// accepted, not only to what is issued, as anyone holding the key could sign a token for ten years. Claims arrive mapped
/// the way the API reads them: sub as <see cref="ClaimTypes.Name"/>, role as <see cref="ClaimTypes.Role"/>.
/// </summary>
public sealed class AccessTokenHandler : JsonWebTokenHandler
{
    public AccessTokenHandler()
    {
        MaximumTokenSizeInBytes = AccessToken.MaxLength;
        MapInboundClaims = true;
        InboundClaimTypeMap = new Dictionary<string, string>
        {
            [AccessToken.NameClaim] = ClaimTypes.Name,
            [AccessToken.RoleClaim] = ClaimTypes.Role,
        };
    }

    /// <summary>Never throws for a bad token: the result's exception says why, <see cref="AccessTokenRefusal.Explain"/> in words.</summary>
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return Refused(AccessTokenFailure.Malformed, "the token is empty");
        }

        if (token.Length > AccessToken.MaxLength)
        {
            return Refused(AccessTokenFailure.Malformed, $"the token is {token.Length} characters long; at most {AccessToken.MaxLength} are accepted");
        }

        JsonWebToken jwt;
        try
        {
            jwt = ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return Refused(AccessTokenFailure.Malformed, "the token is not a signed JWT: three base64url-encoded parts (header.payload.signature) of JSON objects");
        }

        if (AlgorithmRefusal(jwt.Alg) is { } algorithm)
        {
            return Refused(algorithm);
        }

        var result = await base.ValidateTokenAsync(jwt, validationParameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return result;
        }

        var refusal = LifetimeRefusal(jwt, DateTimeOffset.UtcNow, validationParameters.ClockSkew) ?? ClaimsRefusal(result.ClaimsIdentity);
        return refusal is null ? result : Refused(refusal);
    }

    /// <summary>The token's iat and exp, read as Unix seconds; the library checks exp against now but never looks at iat.</summary>
    private static AccessTokenRefusal? LifetimeRefusal(JsonWebToken jwt, DateTimeOffset now, TimeSpan clockSkew)
    {
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var issuedAt))
        {
            return new(AccessTokenFailure.Malformed, "the token has no issue time (iat)");
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var expires))
        {
            return new(AccessTokenFailure.Malformed, "the token has no expiry (exp)");
        }

        // In seconds as doubles: a forged iat or exp may be far outside what TimeSpan or DateTime hold.
        var longest = TimeSpan.FromDays(AccessToken.MaxLifetimeDays).TotalSeconds;
        var lifetime = (double)expires - issuedAt;
        if (lifetime > longest)
        {
            return new(
                AccessTokenFailure.Lifetime,
                $"the token is valid for {Math.Floor(lifetime / TimeSpan.SecondsPerDay):0} days (issued {AccessTokenRefusal.Format(issuedAt)}, expiring {AccessTokenRefusal.Format(expires)}); at most {AccessToken.MaxLifetimeDays} are accepted");
        }

        // A token issued "in the future" would pass the check above while living longer from now.
        return (double)expires - now.ToUnixTimeSeconds() > longest + clockSkew.TotalSeconds
            ? new(AccessTokenFailure.Lifetime, $"the token expires at {AccessTokenRefusal.Format(expires)}, more than {AccessToken.MaxLifetimeDays} days from now; at most {AccessToken.MaxLifetimeDays} are accepted")
            : null;
    }

    private static AccessTokenRefusal? AlgorithmRefusal(string? algorithm) => algorithm switch
    {
        AccessToken.Algorithm => null,
        null or "" => new(AccessTokenFailure.Algorithm, $"the token's header names no algorithm; only {AccessToken.Algorithm} is accepted"),
        _ when algorithm.Equals("none", StringComparison.OrdinalIgnoreCase) =>
            new(AccessTokenFailure.Algorithm, $"the token is unsigned (alg {AccessTokenRefusal.Echo(algorithm)}); only {AccessToken.Algorithm} is accepted"),
        _ => new(AccessTokenFailure.Algorithm, $"the token is signed with {AccessTokenRefusal.Echo(algorithm)}; only {AccessToken.Algorithm} is accepted"),
    };

    private static AccessTokenRefusal? ClaimsRefusal(ClaimsIdentity identity)
    {
        if (identity.FindAll(ClaimTypes.Name).ToList() is not [{ Value: var name }] || !AccessToken.IsValidName(name))
        {
            return new(AccessTokenFailure.Malformed, $"the token names no user ({AccessToken.NameClaim})");
        }

        var roles = identity.FindAll(ClaimTypes.Role).ToList();
        if (roles is not [{ Value: var role }])
        {
            return new(AccessTokenFailure.Role, $"the token has {roles.Count} roles; it must have one, {AccessRoles.Listed}");
        }

        return AccessRoles.TryParse(role, out _)
            ? null
            : new(AccessTokenFailure.Role, $"the token's role {AccessTokenRefusal.Echo(role)} is unknown; expected {AccessRoles.Listed}");
    }

    private static TokenValidationResult Refused(AccessTokenFailure failure, string reason) => Refused(new AccessTokenRefusal(failure, reason));

    private static TokenValidationResult Refused(AccessTokenRefusal refusal) =>
        new() { IsValid = false, Exception = new AccessTokenRefusedException(refusal) };
}
