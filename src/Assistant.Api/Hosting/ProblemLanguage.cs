using System.Globalization;
using Assistant.Api.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Assistant.Api.Hosting;

/// <summary>
/// Problems in the caller's language: Russian or Kazakh when Accept-Language asks for it, English otherwise. Only the
/// UI culture follows the header; numbers and dates in answers are formatted as before, whatever the caller speaks.
/// </summary>
internal sealed class ProblemLanguage(IStringLocalizer<ProblemTexts> localizer)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IReadOnlyList<CultureInfo> Languages { get; } = [English, CultureInfo.GetCultureInfo("ru"), CultureInfo.GetCultureInfo("kk")];

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ProblemLanguage>();
        return services;
    }

    /// <summary>Accept-Language alone picks the language: no query string or cookie, which are the web app's business.</summary>
    public static void Use(WebApplication app)
    {
        var formatting = CultureInfo.CurrentCulture;
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(formatting, English);
            options.SupportedCultures = [formatting];
            options.SupportedUICultures = [.. Languages];
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
    }

    public string Say(ProblemText text) => text.In(localizer);

    /// <summary>
    /// The title in the caller's language. Resource names ignore case, so the framework's «Not Found» is read as
    /// ours, «Not found».
    /// </summary>
    public string? Title(string? title) => title switch
    {
        null => null,
        "Not Found" => localizer["Not found"].Value,
        "Unsupported Media Type" => localizer["Unsupported media type"].Value,
        "Too Many Requests" => localizer["Too many requests"].Value,
        _ => localizer[title].Value,
    };

    /// <summary>The title in the caller's language; one already translated stays as it is.</summary>
    public ProblemDetails Translate(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Title = Title(problem.Title);
        return problem;
    }
}
