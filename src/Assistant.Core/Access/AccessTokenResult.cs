using System.Diagnostics.CodeAnalysis;

namespace Assistant.Core.Access;

/// <summary>A validated token's claims, or why it was refused.</summary>
public sealed class AccessTokenResult
{
    private AccessTokenResult(AccessClaims? claims, AccessTokenFailure? failure, string? reason)
    {
        Claims = claims;
        Failure = failure;
        Reason = reason;
        IsValid = claims is not null;
    }

    [MemberNotNullWhen(true, nameof(Claims))]
    [MemberNotNullWhen(false, nameof(Failure), nameof(Reason))]
    public bool IsValid { get; }

    public AccessClaims? Claims { get; }

    public AccessTokenFailure? Failure { get; }

    /// <summary>A sentence for the caller, e.g. "the token expired at 2025-03-01 10:00:00Z".</summary>
    public string? Reason { get; }

    internal static AccessTokenResult Valid(AccessClaims claims) => new(claims, null, null);

    internal static AccessTokenResult Refused(AccessTokenFailure failure, string reason) => new(null, failure, reason);
}
