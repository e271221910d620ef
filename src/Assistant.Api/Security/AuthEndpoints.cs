using System.Security.Claims;
using Assistant.Api.Hosting;
using Assistant.Core.Access;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Security;

/// <summary>Who the caller is, and token issuing for admins without shell access to the indexer.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/v1/auth").WithTags("auth");
        auth.MapGet("/whoami", WhoAmI).RequireChatAccess().WithName("whoAmI");
        auth.MapPost("/tokens", IssueToken).RequireAdminAccess().WithName("issueToken");
    }

    private static IResult WhoAmI(ClaimsPrincipal user) =>
        Results.Ok(new Caller(user.Identity?.Name ?? string.Empty, user.FindFirstValue(ClaimTypes.Role) ?? string.Empty));

    private static IResult IssueToken(TokenRequest request, ConfiguredSigningKey signing, IOptions<AccessTokenOptions> tokens, TimeProvider time)
    {
        if (!AccessToken.IsValidName(request.Name))
        {
            return Problems.BadRequest($"name must be 1 to {AccessToken.MaxNameLength} characters, not blank, without control characters.", "name");
        }

        if (!AccessRoles.TryParse(request.Role, out var role))
        {
            return Problems.BadRequest($"role is '{request.Role}'; it must be {AccessRoles.Listed}.", "role");
        }

        var days = request.Days ?? 30;
        if (days < 1 || days > AccessToken.MaxLifetimeDays)
        {
            return Problems.BadRequest($"days is {days}; it must be between 1 and {AccessToken.MaxLifetimeDays}.", "days");
        }

        // An admin got here with a valid token, so the key is configured.
        var key = signing.Key!;
        var issuedAt = time.GetUtcNow();
        var lifetime = TimeSpan.FromDays(days);
        var token = AccessToken.Issue(key, request.Name, role, issuedAt, lifetime, tokens.Value);
        return Results.Ok(new IssuedToken(token, request.Name, role.ToClaim(), DateTimeOffset.FromUnixTimeSeconds(issuedAt.ToUnixTimeSeconds()) + lifetime));
    }
}

/// <summary>The caller as their token names them.</summary>
internal sealed record Caller(string Name, string Role);

/// <summary>A token to issue: for whom, with which role, for how many days (default 30).</summary>
internal sealed record TokenRequest(string? Name, string? Role, int? Days);

internal sealed record IssuedToken(string Token, string Name, string Role, DateTimeOffset ExpiresAt);
