using System.CommandLine;
using System.Globalization;
using Assistant.Accounts;
using Assistant.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Indexer.Commands;

/// <summary>
/// Accounts of the web app (Accounts:Path, default data/accounts.db): the first admin is made here, the others by
/// an admin in the app. Passwords are printed once on stdout and kept only as Identity's hashes.
/// </summary>
internal static class UserCommand
{
    public static Command Create(CommandContext context)
    {
        var accounts = new Option<string?>("--accounts") { Description = "Accounts file (default: Accounts:Path / RAGLEGAL_Accounts__Path, else data/accounts.db)", Recursive = true };

        var role = CliOptions.Role("The account's role");
        var name = new Option<string>("--name") { Description = "The name to sign in with (letters, digits, - . _ @)", Required = true };
        var first = new Option<bool>("--first") { Description = "Only when no account exists yet; otherwise do nothing (run.sh's first start)" };
        var add = new Command("add", "Create an account and print its generated password once") { role, name, first };
        add.SetAction((parse, cancellationToken) => WithRegistryAsync(context, parse.GetValue(accounts), async registry =>
        {
            await registry.PrepareAsync(cancellationToken);
            if (parse.GetValue(first) && await registry.AnyAsync(cancellationToken))
            {
                return 0;
            }

            var holder = parse.GetValue(role);
            var password = await registry.AddAsync(parse.GetRequiredValue(name), holder, null, cancellationToken);
            Console.Out.WriteLine(password);
            Console.Error.WriteLine($"{holder.ToClaim()} account '{parse.GetRequiredValue(name)}' created; its password is above and is not shown again.");
            return 0;
        }));

        var list = new Command("list", "List the accounts with their roles and lock-outs");
        list.SetAction((parse, cancellationToken) => WithRegistryAsync(context, parse.GetValue(accounts), async registry =>
        {
            await registry.PrepareAsync(cancellationToken);
            foreach (var account in await registry.ListAsync(cancellationToken))
            {
                var locked = account.LockedUntil is { } until ? string.Create(CultureInfo.InvariantCulture, $"  locked until {until:u}") : string.Empty;
                Console.Out.WriteLine($"{account.Name}\t{account.Role}{locked}");
            }

            return 0;
        }));

        return new Command("user", "Accounts that sign in to the web app") { accounts, add, list };
    }

    private static async Task<int> WithRegistryAsync(CommandContext context, string? path, Func<AccountRegistry, Task<int>> action)
    {
        var file = path ?? context.Settings.Configuration["Accounts:Path"] ?? "data/accounts.db";
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var services = new ServiceCollection().AddLogging();
        services.AddRagLegalAccounts(file);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider.GetRequiredService<AccountRegistry>());
        }
        catch (AccountException e)
        {
            throw new CommandException(e.Message);
        }
    }
}
