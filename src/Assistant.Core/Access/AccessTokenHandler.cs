using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Core.Access;

/// <summary>
/// <see cref="JsonWebTokenHandler"/> with the API's rules on top. The header's algorithm must be HS256 before
/// anything is verified: the library reports "none" or a swapped algorithm only as a key it cannot find, and a
/// caller deserves to hear which it was. A valid token must name one user and one known role. Claims arrive mapped
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
        return result.IsValid && ClaimsRefusal(result.ClaimsIdentity) is { } claims ? Refused(claims) : result;
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
