using System.Text.RegularExpressions;
using Assistant.Core.Access;
using Assistant.Web.Tests.Hosting;

namespace Assistant.Web.Tests.Browser;

/// <summary>
/// The web app under its Content-Security-Policy: scripts from the app only, Blazor's import map by the response's
/// nonce, no framing. Its pages run without a single violation, while a script injected into a page is refused.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class ContentSecurityPolicyTests(WebAndApi stack, Chromium chromium)
{
    /// <summary>Collects the violations a page reports, from before its first script runs (init scripts are not subject to the policy).</summary>
    private const string CollectViolations = """
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
        """;

    [BrowserFact]
    public async Task Pages_answer_with_the_security_headers_and_the_import_map_carries_the_nonce_of_the_policy()
    {
        using var http = new HttpClient { BaseAddress = stack.WebUrl };

        using var first = await http.GetAsync(new Uri("/signin", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("/signin", UriKind.Relative));
        var html = await first.Content.ReadAsStringAsync();

        var policy = string.Join(", ", first.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy).Groups["nonce"].Value;
        Assert.False(string.IsNullOrEmpty(nonce), policy);
        Assert.DoesNotContain("'unsafe-inline' 'unsafe-eval'", policy, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[^']+';", policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(nonce, string.Join(", ", second.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(", ", first.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(", ", first.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", string.Join(", ", first.Headers.GetValues("Referrer-Policy")));
        Assert.False(first.Headers.Contains("Server"), $"the web app names its server: {first.Headers.Server}");
    }

    [BrowserFact]
    public async Task A_deputy_signs_in_asks_and_opens_a_norm_without_a_policy_violation_while_an_injected_script_is_refused()
    {
        var password = await stack.AddAccountAsync("deputy.csp", AccessRole.Deputy);
        var page = await chromium.NewPageAsync(stack.WebUrl);
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        await page.Context.AddInitScriptAsync(CollectViolations);

        await page.GotoAsync("/public");
        await Pages.InteractiveAsync(page);
        await Pages.SignInAsync(page, "deputy.csp", password, "/chat");
        await Pages.InteractiveAsync(page);
        await page.FillAsync("#question", "Какое наказание за кражу чужого имущества?");
        await page.ClickAsync("[data-testid=ask]");
        await page.WaitForSelectorAsync("[data-testid=answer-text]");
        await page.ClickAsync("[data-testid=citations] a.norm-link");
        await page.WaitForSelectorAsync("[data-testid=norm-viewer] [data-testid=norm-text]");
        var clean = await page.EvaluateAsync<string[]>("() => window.cspViolations");
        var cleanConsole = console.Where(Violation).ToList();

        // As markup injected into the page would: an inline script element without the nonce.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true;'; document.body.appendChild(s); }");
        var injected = await page.EvaluateAsync<bool>("() => window.injected === true");
        var refused = await page.EvaluateAsync<string[]>("() => window.cspViolations");

        Assert.Empty(clean);
        Assert.Empty(cleanConsole);
        Assert.False(injected, "an inline script ran despite the policy");
        Assert.Contains(refused, v => v.StartsWith("script-src", StringComparison.Ordinal));
    }

    private static bool Violation(string message) =>
        message.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Contains("Refused to", StringComparison.Ordinal);

    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")]
    private static partial Regex Nonce();
}
