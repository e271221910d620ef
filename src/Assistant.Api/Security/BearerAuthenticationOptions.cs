using Assistant.Core.Access;
using Microsoft.AspNetCore.Authentication;

namespace Assistant.Api.Security;

/// <summary>The "Bearer" scheme's settings: the key tokens are checked with, or none when Auth:SigningKey is unset.</summary>
internal sealed class BearerAuthenticationOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "Bearer";

    public const string Realm = "raglegal-api";

    public const string NoKeyReason =
        "no signing key is configured on this server (Auth:SigningKey or RAGLEGAL_Auth__SigningKey), so no token can be accepted";

    public SigningKey? Key { get; set; }
}
