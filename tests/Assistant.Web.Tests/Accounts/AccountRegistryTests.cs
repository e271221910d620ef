using Assistant.Accounts;
using Assistant.Core.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests.Accounts;

/// <summary>Accounts over a real SQLite file through Identity: one role each, hashed passwords, lock-out, resets.</summary>
public sealed class AccountRegistryTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;

    private AccountRegistry Registry => _scope.ServiceProvider.GetRequiredService<AccountRegistry>();

    private UserManager<Account> Users => _scope.ServiceProvider.GetRequiredService<UserManager<Account>>();

    public Task InitializeAsync()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRagLegalAccounts(_file);
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task An_account_gets_a_generated_password_kept_only_as_a_hash_and_its_one_role()
    {
        var password = await Registry.AddAsync("deputy.aida", AccessRole.Deputy, null, CancellationToken.None);
        var account = await Users.FindByNameAsync("deputy.aida");

        Assert.Equal(16, password.Length);
        Assert.NotNull(account);
        Assert.DoesNotContain(password, account.PasswordHash!, StringComparison.Ordinal);
        Assert.True(await Users.CheckPasswordAsync(account, password));
        Assert.Equal(["deputy"], await Users.GetRolesAsync(account));
        Assert.Equal(("deputy.aida", "deputy"), (Assert.Single(await Registry.ListAsync(CancellationToken.None)).Name, (await Registry.ListAsync(CancellationToken.None))[0].Role));
    }

    [Fact]
    public async Task A_taken_name_a_bad_name_or_a_short_password_is_refused_with_identitys_reason()
    {
        await Registry.AddAsync("expert.one", AccessRole.Expert, null, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<AccountException>(() => Registry.AddAsync("expert.one", AccessRole.Deputy, null, CancellationToken.None));
        var badName = await Assert.ThrowsAsync<AccountException>(() => Registry.AddAsync("эксперт один", AccessRole.Deputy, null, CancellationToken.None));
        var shortPassword = await Assert.ThrowsAsync<AccountException>(() => Registry.AddAsync("expert.two", AccessRole.Deputy, "short", CancellationToken.None));

        Assert.Contains("is already taken", taken.Message, StringComparison.Ordinal);
        Assert.Contains("is invalid", badName.Message, StringComparison.Ordinal);
        Assert.Contains("at least 10 characters", shortPassword.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_role_replaces_the_old_one_and_renews_the_security_stamp_so_sessions_end()
    {
        await Registry.AddAsync("person", AccessRole.Deputy, null, CancellationToken.None);
        var before = (await Users.FindByNameAsync("person"))!.SecurityStamp;

        await Registry.SetRoleAsync("person", AccessRole.Expert);
        var account = (await Users.FindByNameAsync("person"))!;

        Assert.Equal(["expert"], await Users.GetRolesAsync(account));
        Assert.NotEqual(before, account.SecurityStamp);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_until_an_admin_unlocks_it()
    {
        await Registry.AddAsync("locked", AccessRole.Deputy, null, CancellationToken.None);
        var account = (await Users.FindByNameAsync("locked"))!;
        for (var i = 0; i < AccountServices.MaxFailedSignIns; i++)
        {
            await Users.AccessFailedAsync(account);
        }

        var locked = Assert.Single(await Registry.ListAsync(CancellationToken.None));
        await Registry.UnlockAsync("locked");
        var unlocked = Assert.Single(await Registry.ListAsync(CancellationToken.None));

        Assert.NotNull(locked.LockedUntil);
        Assert.Null(unlocked.LockedUntil);
        Assert.Equal(0, unlocked.FailedSignIns);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        var old = await Registry.AddAsync("forgetful", AccessRole.Deputy, null, CancellationToken.None);

        var fresh = await Registry.ResetPasswordAsync("forgetful");
        var account = (await Users.FindByNameAsync("forgetful"))!;

        Assert.False(await Users.CheckPasswordAsync(account, old));
        Assert.True(await Users.CheckPasswordAsync(account, fresh));
        await Assert.ThrowsAsync<AccountException>(() => Registry.ResetPasswordAsync("nobody"));
    }
}
