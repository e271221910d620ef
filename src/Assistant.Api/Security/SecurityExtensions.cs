using Assistant.Core.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Api.Security;

/// <summary>Bearer tokens, role policies and rate limits, and how endpoints opt into them.</summary>
internal static class SecurityExtensions
{
    public static IServiceCollection AddRagLegalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthentication(BearerAuthenticationOptions.Scheme)
            .AddScheme<BearerAuthenticationOptions, BearerAuthenticationHandler>(BearerAuthenticationOptions.Scheme, configureOptions: null);

        // Read when the host starts (ValidateOnStart), after test hosts and environment variables have had their say.
        services.AddOptions<BearerAuthenticationOptions>(BearerAuthenticationOptions.Scheme)
            .Configure<ILoggerFactory>((options, loggers) => options.Key = ReadSigningKey(configuration, loggers.CreateLogger(typeof(SecurityExtensions))))
            .ValidateOnStart();
        services.AddAuthorization(AccessPolicies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        RateLimitWindow.AddOptions(services, configuration);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, PublicRateLimitPolicy>(PublicRateLimitPolicy.Name);
        });
        return services;
    }

    /// <summary>Authentication, authorization and rate limits, then the /v1/auth endpoints.</summary>
    public static WebApplication UseRagLegalSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapAuthEndpoints();
        return app;
    }

    /// <summary>A token with any role: deputy, expert or admin.</summary>
    public static TBuilder RequireChatAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(AccessPolicies.Chat);

    public static TBuilder RequireAdminAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(AccessPolicies.Admin);

    /// <summary>
    /// No token needed (anonymous is the default), under the "public" rate limit. It adds no [AllowAnonymous], which
    /// would override RequireChatAccess or RequireAdminAccess on endpoints inside a public group.
    /// </summary>
    public static TBuilder AllowPublicAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(PublicRateLimitPolicy.Name);

    private static SigningKey? ReadSigningKey(IConfiguration configuration, ILogger logger)
    {
        var configured = configuration["Auth:SigningKey"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning(
                "Auth:SigningKey is not set (RAGLEGAL_Auth__SigningKey): the API serves public endpoints, but every endpoint that needs a token answers 401");
            return null;
        }

        try
        {
            return SigningKey.Parse(configured);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Auth:SigningKey is refused: {e.Message}", e);
        }
    }
}
