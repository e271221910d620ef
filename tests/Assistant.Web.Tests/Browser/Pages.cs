using Microsoft.Playwright;

namespace Assistant.Web.Tests.Browser;

/// <summary>What the tests do on any page: sign in, wait for the page to become interactive, save a screenshot.</summary>
internal static class Pages
{
    public static async Task SignInAsync(IPage page, string name, string password, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Waits until the circuit has rendered the page interactively (the layout marks it), so clicks and typing reach it.</summary>
    public static Task InteractiveAsync(IPage page) => page.WaitForSelectorAsync("[data-interactive=true]", new() { State = WaitForSelectorState.Attached });

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, name + ".png"), FullPage = true });
}
