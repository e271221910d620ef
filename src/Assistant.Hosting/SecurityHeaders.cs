using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Hosting;

/// <summary>
/// The response headers the API and the web app both send: a Content-Security-Policy, no MIME sniffing, no framing by
/// other sites, no Referer leaving the site, HSTS outside Development (browsers honour it on https only), and no
/// Server header naming Kestrel.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// For the API: it serves JSON, and HTML only as forecast reports, whose one inline &lt;style&gt; is the only thing a
    /// browser may apply; no script of any kind runs.
    /// </summary>
    public const string ApiPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string NonceKey = "raglegal.csp-nonce";

    /// <summary>No Server header; HSTS for a year, subdomains included.</summary>
    public static IServiceCollection AddRagLegalSecurityHeaders(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>Sends the headers on every response with a fixed policy.</summary>
    public static WebApplication UseRagLegalSecurityHeaders(this WebApplication app, string policy) =>
        app.UseSecurityHeaders(_ => policy);

    /// <summary>Sends the headers on every response with a policy given the request's script nonce (<see cref="ScriptNonce"/>).</summary>
    public static WebApplication UseRagLegalSecurityHeaders(this WebApplication app, Func<string, string> policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return app.UseSecurityHeaders(context =>
        {
            // Hex, not base64: Razor encodes a "+" in an attribute, and the page's nonce would no longer match the header's.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            return policy(nonce);
        });
    }

    /// <summary>
    /// The headers are written as the response starts, so that they survive an exception handler clearing the
    /// headers of the failed attempt.
    /// </summary>
    private static WebApplication UseSecurityHeaders(this WebApplication app, Func<HttpContext, string> policy)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var csp = policy(context);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// The nonce this request's policy allows inline scripts by, for the few a page must inline (Blazor's import map);
    /// fresh per response, so injected markup cannot guess it.
    /// </summary>
    public static string? ScriptNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(NonceKey, out var nonce) ? nonce as string : null;
    }
}
