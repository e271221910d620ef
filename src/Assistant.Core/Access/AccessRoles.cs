using System.Diagnostics.CodeAnalysis;

namespace Assistant.Core.Access;

/// <summary>Roles as tokens and HTTP claims spell them: "deputy", "expert", "moderator", "admin".</summary>
public static class AccessRoles
{
    public static IReadOnlyList<AccessRole> All { get; } = [AccessRole.Deputy, AccessRole.Expert, AccessRole.Moderator, AccessRole.Admin];

    /// <summary>"deputy, expert, moderator or admin", for messages that list what is accepted.</summary>
    public static string Listed { get; } = "deputy, expert, moderator or admin";

    public static string ToClaim(this AccessRole role) => role switch
    {
        AccessRole.Deputy => "deputy",
        AccessRole.Expert => "expert",
        AccessRole.Moderator => "moderator",
        AccessRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not an access role."),
    };

    /// <summary>Exact, lower-case names only: numbers or other spellings that Enum.TryParse would take are refused.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out AccessRole role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(value, candidate.ToClaim(), StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
