using Assistant.Core.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Assistant.Api.Security;

/// <summary>The API's "Bearer" scheme: JwtBearer validating with <see cref="AccessTokenHandler"/> and the Auth section.</summary>
internal static class BearerTokens
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public const string Realm = "raglegal-api";

    public const string NoKeyReason =
        "no signing key is configured on this server (Auth:SigningKey or RAGLEGAL_Auth__SigningKey), so no token can be accepted";

    public static void Configure(JwtBearerOptions options, ConfiguredSigningKey signing, AccessTokenOptions tokens)
    {
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new AccessTokenHandler());
        options.SaveToken = false;
        options.EventsType = typeof(BearerTokenEvents);
        if (signing.Key is { } key)
        {
            options.TokenValidationParameters = AccessToken.ValidationParameters(key, tokens);
        }
    }
}
