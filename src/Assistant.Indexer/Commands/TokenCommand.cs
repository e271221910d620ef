using System.CommandLine;
using System.Globalization;
using Assistant.Core.Access;
using Microsoft.Extensions.Configuration;

namespace Assistant.Indexer.Commands;

/// <summary>
/// Issues API access tokens with the API's signing key, issuer and audience (Auth:*), so that admins need no running API
/// to start users.
/// </summary>
internal static class TokenCommand
{
    public static Command Create(CommandContext context)
    {
        var role = CliOptions.Role("The holder's role");
        var name = new Option<string>("--name") { Description = "The user the token names (its sub claim)", Required = true };
        var days = new Option<int>("--days")
        {
            Description = $"How many days the token is valid (1 to {AccessToken.MaxLifetimeDays})",
            DefaultValueFactory = _ => 30,
        };
        var key = new Option<string?>("--key")
        {
            Description = "Signing key (default: Auth:SigningKey / RAGLEGAL_Auth__SigningKey, which keeps it out of shell history)",
        };
        var issue = new Command("issue", "Print a signed access token for the API on stdout") { role, name, days, key };
        issue.SetAction(parse =>
        {
            var (signingKey, tokens) = Signing(context, parse.GetValue(key));

            var user = parse.GetRequiredValue(name);
            if (!AccessToken.IsValidName(user))
            {
                throw new CommandException($"--name must be 1 to {AccessToken.MaxNameLength} characters, not blank, without control characters.");
            }

            var lifetime = parse.GetValue(days);
            if (lifetime < 1 || lifetime > AccessToken.MaxLifetimeDays)
            {
                throw new CommandException($"--days is {lifetime}; it must be between 1 and {AccessToken.MaxLifetimeDays}.");
            }

            var issuedAt = DateTimeOffset.UtcNow;
            var holder = parse.GetValue(role);
            Console.Out.WriteLine(AccessToken.Issue(signingKey, user, holder, issuedAt, TimeSpan.FromDays(lifetime), tokens));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{holder.ToClaim()} token for {user}, valid until {issuedAt.AddDays(lifetime):u}"));
            return 0;
        });
        return new Command("token", "Access tokens for the API") { issue };
    }

    /// <summary>The API's signing key (from --key or Auth:SigningKey) and token settings (Auth:*), as the API reads them.</summary>
    internal static (SigningKey Key, AccessTokenOptions Options) Signing(CommandContext context, string? option)
    {
        var signingKey = SigningKey.Parse(ConfiguredKey(context, option));
        var tokens = context.Settings.Configuration.GetSection(AccessTokenOptions.Section).Get<AccessTokenOptions>() ?? new AccessTokenOptions();
        return tokens.IsValid ? (signingKey, tokens) : throw new CommandException(AccessTokenOptions.Rules);
    }

    private static string ConfiguredKey(CommandContext context, string? option)
    {
        var configured = string.IsNullOrWhiteSpace(option) ? context.Settings.Configuration["Auth:SigningKey"] : option;
        return string.IsNullOrWhiteSpace(configured)
            ? throw new CommandException("No signing key: set RAGLEGAL_Auth__SigningKey (the API's Auth:SigningKey) or pass --key.")
            : configured;
    }
}
