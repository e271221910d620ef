using Assistant.Core.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Security;

/// <summary>Bearer tokens, role policies and rate limits, and how endpoints opt into them.</summary>
internal static class SecurityExtensions
{
    public static IServiceCollection AddRagLegalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AccessTokenOptions>()
            .Bind(configuration.GetSection(AccessTokenOptions.Section))
            .Validate(tokens => tokens.IsValid, AccessTokenOptions.Rules)
            .ValidateOnStart();
        services.AddSingleton(provider => ConfiguredSigningKey.Read(configuration, provider.GetRequiredService<ILogger<ConfiguredSigningKey>>()));
        services.AddSingleton<BearerTokenEvents>();
        services.AddAuthentication(BearerTokens.Scheme).AddJwtBearer();

        // Read when the host starts (ValidateOnStart), after test hosts and environment variables have had their say.
        services.AddOptions<JwtBearerOptions>(BearerTokens.Scheme)
            .Configure<ConfiguredSigningKey, IOptions<AccessTokenOptions>>((options, signing, tokens) => BearerTokens.Configure(options, signing, tokens.Value))
            .ValidateOnStart();
        services.AddAuthorization(AccessPolicies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        RateLimitWindow.AddOptions(services, configuration);
        RoleBuckets.AddOptions(services, configuration);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, PublicRateLimitPolicy>(PublicRateLimitPolicy.Name);
            options.AddPolicy<string, QuestionRateLimitPolicy>(QuestionRateLimitPolicy.Name);
            options.AddPolicy<string, CommentRateLimitPolicy>(CommentRateLimitPolicy.Name);
            options.AddPolicy<string, ChatRateLimitPolicy>(ChatRateLimitPolicy.Name);
            options.AddPolicy<string, ForecastRateLimitPolicy>(ForecastRateLimitPolicy.Name);
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

    /// <summary>A token with any role: deputy, expert, moderator or admin.</summary>
    public static TBuilder RequireChatAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(AccessPolicies.Chat);

    /// <summary>A token with the role moderator or admin: the review of public comments.</summary>
    public static TBuilder RequireModerationAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(AccessPolicies.Moderation);

    public static TBuilder RequireAdminAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(AccessPolicies.Admin);

    /// <summary>
    /// No token needed (anonymous is the default), under the "public" rate limit. It adds no [AllowAnonymous], which
    /// would override RequireChatAccess or RequireAdminAccess on endpoints inside a public group.
    /// </summary>
    public static TBuilder AllowPublicAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(PublicRateLimitPolicy.Name);
}
