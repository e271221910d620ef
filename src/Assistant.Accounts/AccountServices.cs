using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Accounts;

/// <summary>Identity over the accounts file, with the rules the web app and the indexer share.</summary>
public static class AccountServices
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a locked account stays locked, unless an admin unlocks it first.</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public const int MinPasswordLength = 10;

    /// <summary>UserManager, RoleManager and the EF Core stores over the SQLite file at <paramref name="path"/>.</summary>
    public static IdentityBuilder AddRagLegalAccounts(this IServiceCollection services, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.AddDbContext<AccountsDb>(options => options.UseSqlite($"Data Source={path}"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AccountRegistry>();
        return services.AddIdentityCore<Account>(options =>
            {
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                options.Lockout.AllowedForNewUsers = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDb>();
    }
}
