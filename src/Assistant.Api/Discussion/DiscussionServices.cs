using System.Net;
using Assistant.Api.Hosting;
using Assistant.Core.Discussion;
using Assistant.Storage.Discussion;
using Microsoft.AspNetCore.HttpOverrides;

namespace Assistant.Api.Discussion;

/// <summary>The public discussion's services and endpoints: publication, the portal, moderation.</summary>
internal static class DiscussionServices
{
    public static IServiceCollection AddRagLegalDiscussion(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DiscussionOptions>(configuration.GetSection(DiscussionOptions.Section));
        services.AddSingleton<IDiscussionStore>(provider => DiscussionStore.Open(HostingExtensions.CatalogPath(provider)));
        services.AddSingleton<DiscussedDrafts>();
        services.AddSingleton<DraftQuestions>();
        services.AddSingleton<DraftRateLimits>();
        services.AddSingleton<VisitorKeys>();
        services.AddSingleton<TopicNames>();

        // Visitors reach the API through the web app: their address comes in X-Forwarded-For, believed only from
        // loopback (ASP.NET's default), the proxies in Api:TrustedProxies and the networks in Api:TrustedNetworks.
        // From those, X-Forwarded-Proto too: behind a TLS proxy the request is https, and gets HSTS.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Api:TrustedProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("Api:TrustedNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    public static void MapDiscussionEndpoints(this WebApplication app)
    {
        app.MapPublicationEndpoints();
        app.MapPublicDraftEndpoints();
        app.MapModerationEndpoints();
        app.MapAnalyticsEndpoints();
    }
}
