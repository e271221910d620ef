using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Assistant.Core.Access;

/// <summary>
/// The API's access tokens: compact HS256 JWTs (RFC 7519) carrying sub (the user name), role, iat, exp,
/// iss "raglegal" and aud "raglegal-api". Written here rather than taken from a package: the subset is small and
/// every check is in plain sight.
/// </summary>
public static class AccessToken
{
    public const string Issuer = "raglegal";

    public const string Audience = "raglegal-api";

    public const int MaxNameLength = 200;

    /// <summary>Tokens cannot be revoked one by one, so none lives longer than a year.</summary>
    public const int MaxLifetimeDays = 365;

    /// <summary>How far the issuer's clock may disagree with ours when exp, nbf and iat are checked.</summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(2);

    /// <exception cref="ArgumentException">The name is blank, too long or holds control characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is under a second or over <see cref="MaxLifetimeDays"/>.</exception>
    public static string Issue(SigningKey key, string name, AccessRole role, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A user name must be 1 to {MaxNameLength} characters, not blank, without control characters.", nameof(name));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, TimeSpan.FromDays(MaxLifetimeDays));
        var iat = issuedAt.ToUnixTimeSeconds();
        var payload = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("sub", name);
            writer.WriteString("role", role.ToClaim());
            writer.WriteNumber("iat", iat);
            writer.WriteNumber("exp", iat + (long)lifetime.TotalSeconds);
            writer.WriteString("iss", Issuer);
            writer.WriteString("aud", Audience);
            writer.WriteEndObject();
        }

        return CompactJws.Sign(payload.WrittenSpan, key);
    }

    /// <summary>Checks the algorithm, signature, issuer, audience, times, name and role; never throws for a bad token.</summary>
    public static AccessTokenResult Validate(string? token, SigningKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return CompactJws.Open(token, key, payload => TokenClaims.Read(payload, now));
    }

    /// <summary>1 to <see cref="MaxNameLength"/> characters, not blank, without control characters.</summary>
    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsControl);
}
