using System.Security.Cryptography;
using Assistant.Core.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Accounts;

/// <summary>
/// The accounts and their one role each, as the indexer's <c>user</c> commands and the admins' page manage them.
/// Every change goes through UserManager, so passwords are hashed, names checked and security stamps renewed.
/// </summary>
public sealed class AccountRegistry(AccountsDb db, UserManager<Account> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    /// <summary>Creates the file and its tables when absent, and the four roles.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await db.Database.EnsureCreatedAsync(cancellationToken);
        foreach (var role in AccessRoles.All)
        {
            if (!await roles.RoleExistsAsync(role.ToClaim()))
            {
                Check(await roles.CreateAsync(new IdentityRole(role.ToClaim())), role.ToClaim());
            }
        }
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) => await db.Users.AnyAsync(cancellationToken);

    /// <summary>Creates an account; without a password one is generated. Returns the password, to be shown once.</summary>
    /// <exception cref="AccountException">The name is taken or not allowed, or the password too weak.</exception>
    public async Task<string> AddAsync(string name, AccessRole role, string? password, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        password ??= NewPassword();
        var account = new Account { UserName = name, CreatedAt = time.GetUtcNow() };
        Check(await users.CreateAsync(account, password), name);
        Check(await users.AddToRoleAsync(account, role.ToClaim()), name);
        return password;
    }

    public async Task<IReadOnlyList<AccountView>> ListAsync(CancellationToken cancellationToken)
    {
        var roleOf = await (from link in db.UserRoles
                            join role in db.Roles on link.RoleId equals role.Id
                            select new { link.UserId, role.Name }).ToDictionaryAsync(r => r.UserId, r => r.Name ?? string.Empty, cancellationToken);
        var accounts = await db.Users.OrderBy(a => a.UserName).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. accounts.Select(a => new AccountView(
            a.UserName ?? string.Empty,
            roleOf.GetValueOrDefault(a.Id, string.Empty),
            a.CreatedAt,
            a.LockoutEnd is { } end && end > now ? end : null,
            a.AccessFailedCount))];
    }

    /// <exception cref="AccountException">No account has the name.</exception>
    public async Task SetRoleAsync(string name, AccessRole role)
    {
        var account = await FindAsync(name);
        var held = await users.GetRolesAsync(account);
        Check(await users.RemoveFromRolesAsync(account, held), name);
        Check(await users.AddToRoleAsync(account, role.ToClaim()), name);
        Check(await users.UpdateSecurityStampAsync(account), name);
    }

    /// <summary>Ends a lock-out and forgets the failed attempts.</summary>
    public async Task UnlockAsync(string name)
    {
        var account = await FindAsync(name);
        Check(await users.SetLockoutEndDateAsync(account, null), name);
        Check(await users.ResetAccessFailedCountAsync(account), name);
    }

    /// <summary>Replaces the password with a generated one and returns it, to be handed over once.</summary>
    public async Task<string> ResetPasswordAsync(string name)
    {
        var account = await FindAsync(name);
        var password = NewPassword();
        Check(await users.RemovePasswordAsync(account), name);
        Check(await users.AddPasswordAsync(account, password), name);
        Check(await users.UpdateSecurityStampAsync(account), name);
        return password;
    }

    /// <summary>16 letters and digits from a cryptographic generator: about 95 bits.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    private async Task<Account> FindAsync(string name) =>
        await users.FindByNameAsync(name) ?? throw new AccountException($"No account is named '{name}'.");

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new AccountException($"Account '{name}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>An account as the admins' list shows it.</summary>
/// <param name="LockedUntil">When the lock-out ends; null when the account is not locked.</param>
public sealed record AccountView(string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil, int FailedSignIns);

/// <summary>An account change that Identity refused, with its reasons.</summary>
public sealed class AccountException(string message) : Exception(message);
