using Assistant.Api.Hosting;
using Assistant.Core.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Security;

/// <summary>
/// What JwtBearer's outcomes mean to a caller. No header is no result, so anonymous endpoints keep working; a
/// refused token is logged with its reason, and the challenge answers 401 as a problem saying why, with RFC 6750's
/// error in WWW-Authenticate. Without a signing key nothing is checked and the challenge says that instead.
/// </summary>
internal sealed partial class BearerTokenEvents(ConfiguredSigningKey signing, IOptions<AccessTokenOptions> tokens, ILogger<BearerTokenEvents> logger)
    : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        if (signing.Key is null)
        {
            context.NoResult();
        }
        else if (context.Request.Headers.Authorization.ToString().Trim().Equals(BearerTokens.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail(new AccessTokenRefusedException(new AccessTokenRefusal(AccessTokenFailure.Malformed, "the Authorization header says Bearer but carries no token")));
        }

        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        var refusal = AccessTokenRefusal.Explain(context.Exception, tokens.Value);
        TokenRefused(logger, refusal.Failure, refusal.Reason);
        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var reason = signing.Key is null
            ? BearerTokens.NoKeyReason
            : context.AuthenticateFailure is { } failure ? AccessTokenRefusal.Explain(failure, tokens.Value).Reason : null;
        ProblemText detail;
        if (reason is null)
        {
            // RFC 6750 §3.1: a request without credentials gets no error code, only the scheme and realm.
            context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{BearerTokens.Realm}\"";
            detail = "This endpoint needs an access token: send 'Authorization: Bearer <token>' (an administrator issues one with 'indexer token issue').";
        }
        else
        {
            context.Response.Headers.WWWAuthenticate =
                $"Bearer realm=\"{BearerTokens.Realm}\", error=\"invalid_token\", error_description=\"{HeaderText.Quoted(reason)}\"";
            detail = $"The access token was refused: {reason}.";
        }

        return Problems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access token refused ({Failure}): {Reason}")]
    private static partial void TokenRefused(ILogger logger, AccessTokenFailure failure, string reason);
}
