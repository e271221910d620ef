using Assistant.Tests.Support;
using Microsoft.Playwright;

namespace Assistant.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, which test.sh installs with apt) driven by Playwright; never a downloaded
/// browser. The flags keep it off the network this machine does not have.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Where screenshots go: RAGLEGAL_SCREENSHOTS, else .build/screenshots in the repository.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("RAGLEGAL_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(RepositoryFolders.Repository, ".build", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) in the given language, at a laptop's or a phone's size.</summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, string locale = "ru-RU", bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// A browser test: needs ../shared (the acts and the tiny model) and Debian's Chromium. Without Chromium it skips,
/// unless RAGLEGAL_REQUIRE_BROWSER=1 (test.sh sets it after installing Chromium), which makes it fail instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!SharedData.IsAvailable && !SharedData.IsRequired)
        {
            Skip = SharedData.MissingMessage;
        }
        else if (!Chromium.IsInstalled && Environment.GetEnvironmentVariable("RAGLEGAL_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath}: test.sh installs it (apt-get install chromium).";
        }
    }
}
