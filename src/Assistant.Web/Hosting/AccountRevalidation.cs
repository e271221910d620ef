using System.Security.Claims;
using Assistant.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Hosting;

/// <summary>
/// Checks an open circuit's account every minute: a circuit outlives the cookie check of the request that opened it,
/// so without this a changed role, a reset password or a removed account would keep working until the page reloads.
/// </summary>
internal sealed class AccountRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var principal = authenticationState.User;
        if (await users.GetUserAsync(principal) is not { } account)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var held = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return held == await users.GetSecurityStampAsync(account);
    }
}
