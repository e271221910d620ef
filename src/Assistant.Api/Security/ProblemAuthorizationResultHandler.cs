using System.Security.Claims;
using Assistant.Api.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Assistant.Api.Security;

/// <summary>
/// Answers a refused role with a problem that names the role needed and the role held; the policy's failed
/// requirements are known only here, not in the authentication handler's forbid.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return standard.HandleAsync(next, context, policy, authorizeResult);
        }

        var needed = authorizeResult.AuthorizationFailure?.FailedRequirements
            .OfType<RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles)
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];
        var held = context.User.FindFirstValue(ClaimTypes.Role) ?? "no role";
        var detail = Detail(needed, held);
        context.Response.Headers.WWWAuthenticate =
            $"Bearer realm=\"{BearerTokens.Realm}\", error=\"insufficient_scope\", error_description=\"{HeaderText.Quoted(detail.ToString())}\"";
        return Problems.Write(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
    }

    /// <summary>Each case its own interpolated string, so that each stays a template to translate.</summary>
    private static ProblemText Detail(List<string> needed, string held)
    {
        if (needed.Count == 0)
        {
            return "Your access token does not grant access to this endpoint.";
        }

        if (needed.Count == 1)
        {
            return $"This endpoint needs the role {needed[0]}; your token has {held}.";
        }

        return $"This endpoint needs one of the roles {string.Join(", ", needed[..^1])} or {needed[^1]}; your token has {held}.";
    }
}
