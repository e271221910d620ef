using Microsoft.IdentityModel.Tokens;

namespace Assistant.Core.Access;

/// <summary>A token refused by the API's own rules on top of the library's: its algorithm, user or role.</summary>
public sealed class AccessTokenRefusedException : SecurityTokenValidationException
{
    public AccessTokenRefusedException()
        : this(new AccessTokenRefusal(AccessTokenFailure.Malformed, "the token was refused"))
    {
    }

    public AccessTokenRefusedException(string message)
        : this(new AccessTokenRefusal(AccessTokenFailure.Malformed, message))
    {
    }

    public AccessTokenRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Refusal = new AccessTokenRefusal(AccessTokenFailure.Malformed, message);
    }

    public AccessTokenRefusedException(AccessTokenRefusal refusal)
        : base(refusal?.Reason)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        Refusal = refusal;
    }

    public AccessTokenRefusal Refusal { get; }
}
