using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Assistant.Accounts;

/// <summary>The accounts file: ASP.NET Core Identity's tables on SQLite, apart from the catalog that the API owns.</summary>
public sealed class AccountsDb(DbContextOptions<AccountsDb> options) : IdentityDbContext<Account, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        // SQLite has no date-time-offset type that sorts or compares; stored as UTC ticks, such values do both.
        var ticks = new ValueConverter<DateTimeOffset, long>(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
        var optionalTicks = new ValueConverter<DateTimeOffset?, long?>(
            value => value.HasValue ? value.Value.UtcTicks : null,
            ticks => ticks.HasValue ? new DateTimeOffset(ticks.Value, TimeSpan.Zero) : null);
        builder.Entity<Account>().Property(a => a.CreatedAt).HasConversion(ticks);
        builder.Entity<Account>().Property(a => a.LockoutEnd).HasConversion(optionalTicks);
    }
}
