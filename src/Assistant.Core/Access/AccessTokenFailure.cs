namespace Assistant.Core.Access;

/// <summary>Why a token was refused; <see cref="AccessTokenResult.Reason"/> says it in words.</summary>
public enum AccessTokenFailure
{
    /// <summary>Not three base64url parts of JSON objects, or a required claim is missing or mistyped.</summary>
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
}
