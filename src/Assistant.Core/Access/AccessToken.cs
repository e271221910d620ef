using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Core.Access;

/// <summary>
/// The API's access tokens: HS256 JWTs (RFC 7519) carrying sub (the user name), role, iat, nbf, exp, iss and aud,
/// written by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> and checked by <see cref="AccessTokenHandler"/>.
/// </summary>
public static class AccessToken
{
    /// <summary>The only algorithm written or accepted.</summary>
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    public const string NameClaim = JwtRegisteredClaimNames.Sub;

    public const string RoleClaim = "role";

    public const int MaxNameLength = 200;

    /// <summary>Tokens cannot be revoked one by one, so none lives longer than a year.</summary>
    public const int MaxLifetimeDays = 365;

    /// <summary>Ours are about 300 characters; anything near this is not ours and is not worth decoding.</summary>
    public const int MaxLength = 4096;

    /// <summary>Writes a token valid from <paramref name="issuedAt"/> (whole seconds) for <paramref name="lifetime"/>.</summary>
    /// <param name="options">Issuer and audience; the defaults when null.</param>
    /// <exception cref="ArgumentException">The name is blank, too long or holds control characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is under a second or over <see cref="MaxLifetimeDays"/>.</exception>
    public static string Issue(SigningKey key, string name, AccessRole role, DateTimeOffset issuedAt, TimeSpan lifetime, AccessTokenOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A user name must be 1 to {MaxNameLength} characters, not blank, without control characters.", nameof(name));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, TimeSpan.FromDays(MaxLifetimeDays));
        options ??= new AccessTokenOptions();
        var issued = DateTimeOffset.FromUnixTimeSeconds(issuedAt.ToUnixTimeSeconds()).UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued.AddSeconds(Math.Floor(lifetime.TotalSeconds)),
            Claims = new Dictionary<string, object> { [NameClaim] = name, [RoleClaim] = role.ToClaim() },
            SigningCredentials = new SigningCredentials(key.SecurityKey, Algorithm),
        });
    }

    /// <summary>
    /// What a token must be to be accepted: HS256 with this key, from the configured issuer, for the configured
    /// audience, signed, with an expiry, and within its lifetime now, give or take the clock skew.
    /// The identity it yields names the user as <see cref="ClaimTypes.Name"/> and the role as <see cref="ClaimTypes.Role"/>.
    /// </summary>
    public static TokenValidationParameters ValidationParameters(SigningKey key, AccessTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        return new TokenValidationParameters
        {
            ValidAlgorithms = [Algorithm],
            IssuerSigningKey = key.SecurityKey,
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            NameClaimType = ClaimTypes.Name,
            RoleClaimType = ClaimTypes.Role,
        };
    }

    /// <summary>1 to <see cref="MaxNameLength"/> characters, not blank, without control characters.</summary>
    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsControl);
}
