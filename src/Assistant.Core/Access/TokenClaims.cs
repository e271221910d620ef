using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Assistant.Core.Access;

/// <summary>Judges a signed token's payload: who issued it, for whom, when it holds, and who it names.</summary>
internal static class TokenClaims
{
    /// <summary>Values from a token are quoted in reasons; a forged token must not fill a log line or a header.</summary>
    private const int EchoLength = 40;

    public static AccessTokenResult Read(JsonElement payload, DateTimeOffset now)
    {
        if (!IsString(payload, "iss", out var issuer) || issuer != AccessToken.Issuer)
        {
            return Refused(AccessTokenFailure.Issuer, $"the token was issued by {Echo(issuer)}, not \"{AccessToken.Issuer}\"");
        }

        if (!HasAudience(payload))
        {
            return Refused(AccessTokenFailure.Audience, $"the token is not meant for \"{AccessToken.Audience}\"");
        }

        if (!TryTime(payload, "exp", out var expires) || !TryTime(payload, "iat", out var issued) || !TryTime(payload, "nbf", out var notBefore))
        {
            return Refused(AccessTokenFailure.Malformed, "the token's exp, iat or nbf is not a time in whole seconds since 1970");
        }

        if (expires is null || issued is null)
        {
            return Refused(AccessTokenFailure.Malformed, "the token has no expiry (exp) or issue time (iat)");
        }

        if (now - AccessToken.ClockSkew > expires)
        {
            return Refused(AccessTokenFailure.Expired, $"the token expired at {Format(expires.Value)}");
        }

        if (now + AccessToken.ClockSkew < (notBefore ?? issued))
        {
            return Refused(AccessTokenFailure.NotYetValid, $"the token is not valid before {Format((notBefore ?? issued).Value)}");
        }

        if (!IsString(payload, "sub", out var name) || !AccessToken.IsValidName(name))
        {
            return Refused(AccessTokenFailure.Malformed, "the token names no user (sub)");
        }

        if (!IsString(payload, "role", out var roleName) || !AccessRoles.TryParse(roleName, out var role))
        {
            return Refused(AccessTokenFailure.Role, $"the token's role {Echo(roleName)} is unknown; expected {AccessRoles.Listed}");
        }

        return AccessTokenResult.Valid(new AccessClaims(name, role, issued.Value, expires.Value));
    }

    /// <summary>A token value quoted for a message, cut short; "none" when it is absent.</summary>
    public static string Echo(string? value) => value switch
    {
        null => "none",
        { Length: > EchoLength } => $"\"{value[..EchoLength]}…\"",
        _ => $"\"{value}\"",
    };

    private static bool HasAudience(JsonElement payload)
    {
        if (!payload.TryGetProperty("aud", out var audience))
        {
            return false;
        }

        return audience.ValueKind switch
        {
            JsonValueKind.String => audience.ValueEquals(AccessToken.Audience),
            JsonValueKind.Array => audience.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.ValueEquals(AccessToken.Audience)),
            _ => false,
        };
    }

    private static bool IsString(JsonElement payload, string claim, [NotNullWhen(true)] out string? value)
    {
        value = payload.TryGetProperty(claim, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is not null;
    }

    /// <summary>False when the claim is present but not a NumericDate we can represent; null when it is absent.</summary>
    private static bool TryTime(JsonElement payload, string claim, out DateTimeOffset? time)
    {
        time = null;
        if (!payload.TryGetProperty(claim, out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number
            || !element.TryGetInt64(out var seconds)
            || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds()
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static string Format(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);

    private static AccessTokenResult Refused(AccessTokenFailure failure, string reason) => AccessTokenResult.Refused(failure, reason);
}
