using System.Globalization;
using System.Net;
using System.Text;
using Assistant.Core.Access;
using Assistant.Web.Api;
using Assistant.Web.Hosting;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Assistant.Web.Tests.Components;

/// <summary>
/// A bUnit context with what the app's components need: MudBlazor, the labels, a signed-in expert, an anonymous
/// visitor, and the real API clients over <see cref="Api"/>, an HTTP handler that answers with canned JSON and records the calls.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest(string culture = "ru")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        Services.AddMudServices();
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("expert.aigerim").SetRoles("expert");
        Services.AddSingleton(Options.Create(new AccessTokenOptions()));
        Services.AddSingleton(Options.Create(new ApiTokenKey { Key = SigningKey.Parse("component-test-signing-key-0123456789abcdefghijkl") }));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ApiTokens>();
        Services.AddSingleton(new HttpClient(Api) { BaseAddress = new Uri("http://api.test") });
        Services.AddScoped<RagLegalApi>();
        Services.AddScoped(_ => new CurrentVisitor { Value = Visitor });
        Services.AddScoped<PublicApi>();
    }

    /// <summary>The anonymous visitor the public API is called for.</summary>
    protected static Visitor Visitor { get; } = new("visitor-0123456789", "203.0.113.7");

    protected CannedApi Api { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services dispose only asynchronously, so the context is disposed here, before xunit's Dispose.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}

/// <summary>Answers each path with the JSON given for it (or a problem with a status) and keeps what was asked.</summary>
public sealed class CannedApi : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _answers = new(StringComparer.Ordinal);

    public List<(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization)> Calls { get; } = [];

    /// <summary>Each call's headers, by name, in the order of <see cref="Calls"/>.</summary>
    public List<Dictionary<string, string>> Headers { get; } = [];

    public void Answer(string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK) => _answers[pathAndQuery] = (status, json);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Add((request.Method, path, body, request.Headers.Authorization?.ToString()));
        Headers.Add(request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
        if (!_answers.TryGetValue(path, out var answer))
        {
            answer = (HttpStatusCode.NotFound, """{"status":404,"detail":"No norm has this id."}""");
        }

        var type = (int)answer.Status < 300 ? "application/json" : "application/problem+json";
        return new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Body, Encoding.UTF8, type) };
    }
}
