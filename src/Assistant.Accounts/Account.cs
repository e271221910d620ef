using Microsoft.AspNetCore.Identity;

namespace Assistant.Accounts;

/// <summary>A person who signs in to the web app: a deputy, an expert, a moderator or an admin (one role each, kept as an Identity role).</summary>
public sealed class Account : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
