using System.Globalization;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Core.Access;

/// <summary>Why a token was refused, and a sentence for the caller: "the token expired at 2025-03-02 10:00:00Z".</summary>
public sealed record AccessTokenRefusal(AccessTokenFailure Failure, string Reason)
{
    /// <summary>Values from a token are quoted in reasons; a forged token must not fill a log line or a header.</summary>
    private const int EchoLength = 40;

    /// <summary>What a failed validation's exception means, with the expected issuer and audience where they differ.</summary>
    public static AccessTokenRefusal Explain(Exception failure, AccessTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return failure switch
        {
            AccessTokenRefusedException refused => refused.Refusal,
            SecurityTokenExpiredException expired => new(AccessTokenFailure.Expired, $"the token expired at {Format(expired.Expires)}"),
            SecurityTokenNotYetValidException early => new(AccessTokenFailure.NotYetValid, $"the token is not valid before {Format(early.NotBefore)}"),
            SecurityTokenNoExpirationException => new(AccessTokenFailure.Malformed, "the token has no expiry (exp)"),
            SecurityTokenInvalidLifetimeException => new(AccessTokenFailure.Malformed, "the token's lifetime is empty: it expires before it becomes valid"),
            SecurityTokenInvalidIssuerException issuer => new(AccessTokenFailure.Issuer, $"the token was issued by {Echo(issuer.InvalidIssuer)}, not \"{options.Issuer}\""),
            SecurityTokenInvalidAudienceException => new(AccessTokenFailure.Audience, $"the token is not meant for \"{options.Audience}\""),
            SecurityTokenInvalidSignatureException => new(AccessTokenFailure.Signature, "the token's signature does not match: it was altered or signed with another key"),
            AggregateException { InnerExceptions: [var single] } => Explain(single, options),
            _ => new(AccessTokenFailure.Malformed, "the token could not be validated"),
        };
    }

    /// <summary>A token value quoted for a message, cut short; "none" when it is absent.</summary>
    internal static string Echo(string? value) => value switch
    {
        null => "none",
        { Length: > EchoLength } => $"\"{value[..EchoLength]}…\"",
        _ => $"\"{value}\"",
    };

    /// <summary>A token time (Unix seconds) as reasons write it: 2025-03-02 10:00:00Z.</summary>
    internal static string Format(long unixSeconds) =>
        unixSeconds is >= -62135596800 and <= 253402300799 ? Format(DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime) : unixSeconds.ToString(CultureInfo.InvariantCulture);

    private static string Format(DateTime utc) => utc.ToString("u", CultureInfo.InvariantCulture);
}
