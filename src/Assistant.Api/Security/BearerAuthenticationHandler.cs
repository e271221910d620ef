using System.Security.Claims;
using System.Text.Encodings.Web;
using Assistant.Api.Hosting;
using Assistant.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Security;

/// <summary>
/// Reads "Authorization: Bearer &lt;token&gt;" with <see cref="AccessToken"/>. No header is no result, so anonymous
/// endpoints keep working; a refused token fails with its reason, which the challenge passes on to the caller.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<BearerAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<BearerAuthenticationOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request.Headers.Authorization.ToString()) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (Options.Key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail(BearerAuthenticationOptions.NoKeyReason));
        }

        if (token.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header says Bearer but carries no token"));
        }

        var result = AccessToken.Validate(token, Options.Key, TimeProvider.GetUtcNow());
        if (!result.IsValid)
        {
            return Task.FromResult(AuthenticateResult.Fail(result.Reason));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, result.Claims.Name), new Claim(ClaimTypes.Role, result.Claims.Role.ToClaim())],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var authentication = await HandleAuthenticateOnceSafeAsync();
        var reason = Options.Key is null ? BearerAuthenticationOptions.NoKeyReason : authentication.Failure?.Message;
        string detail;
        if (reason is null)
        {
            // RFC 6750 §3.1: a request without credentials gets no error code, only the scheme and realm.
            Response.Headers.WWWAuthenticate = $"Bearer realm=\"{BearerAuthenticationOptions.Realm}\"";
            detail = "This endpoint needs an access token: send 'Authorization: Bearer <token>' (an administrator issues one with 'indexer token issue').";
        }
        else
        {
            Response.Headers.WWWAuthenticate =
                $"Bearer realm=\"{BearerAuthenticationOptions.Realm}\", error=\"invalid_token\", error_description=\"{HeaderText.Quoted(reason)}\"";
            detail = $"The access token was refused: {reason}.";
        }

        await Problems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    /// <summary>The token after "Bearer " (possibly empty), or null when the header is absent or another scheme.</summary>
    private static string? BearerToken(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        if (!scheme.Equals(BearerAuthenticationOptions.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return space < 0 ? string.Empty : header[(space + 1)..].Trim();
    }
}
