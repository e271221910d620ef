using System.Text.Encodings.Web;
using System.Text.Unicode;
using Assistant.Accounts;
using Assistant.Core.Access;
using Assistant.Hosting;
using Assistant.Web.Api;
using Assistant.Web.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Serilog;

namespace Assistant.Web.Hosting;

/// <summary>The web app's services and pipeline: Blazor with interactive server rendering, Identity cookies, the API client.</summary>
public static class WebHosting
{
    /// <summary>Environment variables with this prefix override settings, as for the API (RAGLEGAL_Web__ApiUrl…).</summary>
    public const string EnvironmentPrefix = "RAGLEGAL_";

    public static void AddRagLegalWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Services.AddSerilog((services, logger) => logger.ConfigureRagLegal(services.GetRequiredService<IConfiguration>()), preserveStaticLogger: true);

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<WebOptions>(configuration.GetSection(WebOptions.Section));
        services.AddRagLegalSecurityHeaders();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();

        // Russian and Kazakh written as letters, not as &#x…; entities (a third of a Cyrillic page's weight).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();

        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        services.AddDataProtection().SetApplicationName("raglegal-web").PersistKeysToFileSystem(Directory.CreateDirectory(web.KeysPath));

        services.AddRagLegalAccounts(configuration["Accounts:Path"] is { Length: > 0 } path ? path : "data/accounts.db").AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/no-access";
            cookie.Cookie.Name = "raglegal.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        // A changed role or reset password signs the person out within a minute, not at the cookie's end.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization();

        services.AddOptions<AccessTokenOptions>().Bind(configuration.GetSection(AccessTokenOptions.Section)).Validate(t => t.IsValid, AccessTokenOptions.Rules).ValidateOnStart();
        services.AddOptions<ApiTokenKey>()
            .Configure(key => key.Key = SigningKey.Parse(configuration["Auth:SigningKey"]))
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ApiTokens>();
        services.AddHttpClient<RagLegalApi>((provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IOptions<WebOptions>>().Value.ApiUrl;

            // Answers and forecast progress stream for as long as they take; each call's own token bounds it.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddScoped<CurrentVisitor>();
        services.AddHttpClient<PublicApi>((provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IOptions<WebOptions>>().Value.ApiUrl;

            // A question is answered by the model, which takes a while on a loaded server.
            client.Timeout = TimeSpan.FromMinutes(3);
        });
    }

    /// <summary>Creates the accounts file and roles when absent, before the first request.</summary>
    public static async Task PrepareAccountsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountRegistry>().PrepareAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// Scripts from the app only, and Blazor's inline import map by the request's nonce; the circuit's WebSocket is
    /// 'self'. Styles may be inline: MudBlazor and Blazor's own rendering set style attributes.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void UseRagLegalWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRagLegalSecurityHeaders(ContentSecurityPolicy);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // An address no page answers, and a draft not on the portal, show the not-found page with status 404.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(Cultures.Russian).AddSupportedCultures([.. Cultures.All]).AddSupportedUICultures([.. Cultures.All]);
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseVisitors();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapCultureEndpoints();
        app.MapExportEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
