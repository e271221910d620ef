using Assistant.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Assistant.Api.Security;

/// <summary>Who may call what: any known role may chat, experts and admins may submit drafts, moderators and admins review public comments, only admins may administer.</summary>
internal static class AccessPolicies
{
    public const string Chat = "chat";

    public const string Drafting = "drafting";

    public const string Moderation = "moderation";

    public const string Admin = "admin";

    /// <summary>The drafting body answering public comments: experts, moderators and admins.</summary>
    public const string Reply = "reply";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Chat, policy => Roles(policy, AccessRoles.All));
        options.AddPolicy(Drafting, policy => Roles(policy, [AccessRole.Expert, AccessRole.Admin]));
        options.AddPolicy(Moderation, policy => Roles(policy, [AccessRole.Moderator, AccessRole.Admin]));
        options.AddPolicy(Admin, policy => Roles(policy, [AccessRole.Admin]));
        options.AddPolicy(Reply, policy => Roles(policy, [AccessRole.Expert, AccessRole.Moderator, AccessRole.Admin]));
    }

    private static void Roles(AuthorizationPolicyBuilder policy, IEnumerable<AccessRole> roles) =>
        policy.AddAuthenticationSchemes(BearerTokens.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(roles.Select(r => r.ToClaim()));
}
