namespace Assistant.Core.Access;

/// <summary>Why a token was refused; <see cref="AccessTokenRefusal.Reason"/> says it in words.</summary>
public enum AccessTokenFailure
{
    /// <summary>Not a compact JWT of JSON objects, or a required claim (sub, iat, exp) is missing or mistyped.</summary>
    Malformed,

    /// <summary>Not HS256: "none" and every other algorithm are refused.</summary>
    Algorithm,

    /// <summary>The signature does not match: the token was altered or signed with another key.</summary>
    Signature,

    Expired,

    NotYetValid,

    Issuer,

    Audience,

    Role,

    /// <summary>Valid for longer than <see cref="AccessToken.MaxLifetimeDays"/>, from its issue time or from now.</summary>
    Lifetime,
}
