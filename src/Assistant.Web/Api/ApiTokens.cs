using System.Security.Claims;
using Assistant.Core.Access;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Api;

/// <summary>
/// Short-lived API tokens for the person signed in: the web app calls the API on their behalf, with their name and
/// role, so that the API — not the pages — decides what each role may do.
/// </summary>
public sealed class ApiTokens(IOptions<AccessTokenOptions> options, IOptions<ApiTokenKey> key, TimeProvider time)
{
    /// <summary>Long enough for one call or one stream, short enough that a stolen token soon expires.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>A token for the user, or null for a visitor who has not signed in or holds no known role.</summary>
    public string? For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { IsAuthenticated: true, Name: { } name }
            || !AccessRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return AccessToken.Issue(key.Value.Key, name, role, time.GetUtcNow(), Lifetime, options.Value);
    }
}

/// <summary>The API's signing key (Auth:SigningKey), shared by the two processes of one installation.</summary>
public sealed class ApiTokenKey
{
    public SigningKey Key { get; set; } = null!;
}
