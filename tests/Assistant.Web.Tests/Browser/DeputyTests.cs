using Assistant.Core.Access;
using Assistant.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Assistant.Web.Tests.Browser;

/// <summary>A deputy in Chromium: signs in, asks, watches the answer stream, opens a cited norm; cannot reach experts' pages.</summary>
[Collection(BrowserGroup.Name)]
public sealed class DeputyTests(WebAndApi stack, Chromium chromium)
{
    private const string Question = "Какое наказание за кражу чужого имущества?";

    [BrowserFact]
    public async Task A_deputy_signs_in_asks_sees_the_answer_stream_and_opens_a_cited_norm_beside_it()
    {
        var password = await stack.AddAccountAsync("deputy.aida", AccessRole.Deputy);
        var page = await chromium.NewPageAsync(stack.WebUrl);
        await Pages.SignInAsync(page, "deputy.aida", password, "/chat");
        await Pages.InteractiveAsync(page);

        await page.FillAsync("#question", Question);
        await page.EvaluateAsync(WatchStream);
        await page.ClickAsync("[data-testid=ask]");
        await page.WaitForSelectorAsync("[data-testid=answer-text]");
        var streamed = await page.EvaluateAsync<int>("() => window.streamedStates.length");
        var deltas = int.Parse(await page.GetAttributeAsync("[data-testid=answer]", "data-deltas") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var answer = await page.InnerTextAsync("[data-testid=answer-text]");
        var mode = await page.GetAttributeAsync(".answer .mode-badge", "data-mode");
        await page.ClickAsync("[data-testid=citations] a.norm-link");
        var viewer = await page.WaitForSelectorAsync("[data-testid=norm-viewer] [data-testid=norm-text]");
        var citation = await page.InnerTextAsync("[data-testid=norm-viewer] [data-testid=norm-citation]");

        // The tiny model writes faster than a browser paints, so several pieces may land in one paint: what must hold
        // is that streamed text was on the screen before the verified answer replaced it, and that it came in pieces.
        Assert.True(streamed >= 1, "no streamed text was painted before the verified answer");
        Assert.True(deltas >= 2, $"the answer came in {deltas} piece(s), not token by token");
        Assert.False(string.IsNullOrWhiteSpace(answer));
        Assert.Equal("generated", mode);
        Assert.Contains("Создано ИИ", await page.InnerTextAsync(".answer .mode-badge"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await viewer!.InnerTextAsync()));
        Assert.False(string.IsNullOrWhiteSpace(citation));
        Assert.Equal("/chat", new Uri(page.Url).AbsolutePath);
    }

    [BrowserFact]
    public async Task A_deputy_on_a_new_chat_asks_a_suggested_question_with_one_click_and_the_suggestions_give_way_to_the_answer()
    {
        var password = await stack.AddAccountAsync("deputy.dana", AccessRole.Deputy);
        var page = await chromium.NewPageAsync(stack.WebUrl);
        await Pages.SignInAsync(page, "deputy.dana", password, "/chat");
        await Pages.InteractiveAsync(page);

        var suggested = await page.Locator("[data-testid=example]").AllTextContentsAsync();
        await page.Locator("[data-testid=example]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=answer-text]");

        Assert.Equal(6, suggested.Count);
        Assert.Contains(suggested[0].Trim(), await page.TextContentAsync(".turn .question"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=example]").CountAsync());
    }

    [BrowserFact]
    public async Task A_deputy_who_types_an_experts_address_gets_the_no_access_page_and_the_api_refuses_the_call()
    {
        var password = await stack.AddAccountAsync("deputy.bolat", AccessRole.Deputy);
        var page = await chromium.NewPageAsync(stack.WebUrl);
        await Pages.SignInAsync(page, "deputy.bolat", password);

        await page.GotoAsync("/drafts");
        var heading = await page.InnerTextAsync("#no-access-title");
        var adminPage = await page.GotoAsync("/admin/users");
        var adminHeading = await page.InnerTextAsync("#no-access-title");
        var api = await page.APIRequest.GetAsync(new Uri(stack.ApiUrl, "/v1/drafts").ToString(), new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + WebAndApi.Token("deputy.bolat", AccessRole.Deputy) },
        });

        Assert.Equal("Нет доступа", heading);
        Assert.Equal("Нет доступа", adminHeading);
        Assert.NotNull(adminPage);
        Assert.Equal(403, api.Status);
        Assert.Empty(await page.QuerySelectorAllAsync("a[href='/drafts']"));
    }

    [BrowserFact]
    public async Task A_wrong_password_five_times_locks_the_account_even_against_the_right_one()
    {
        var password = await stack.AddAccountAsync("deputy.locked", AccessRole.Deputy);
        var page = await chromium.NewPageAsync(stack.WebUrl);

        var messages = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Pages.SignInAsync(page, "deputy.locked", "not-the-password-" + attempt);
            messages.Add(await page.InnerTextAsync("[data-testid=signin-error]"));
        }

        await Pages.SignInAsync(page, "deputy.locked", password);
        var afterwards = await page.InnerTextAsync("[data-testid=signin-error]");

        Assert.All(messages[..4], m => Assert.Equal("Неверное имя или пароль.", m));
        Assert.StartsWith("Учётная запись заблокирована", messages[4], StringComparison.Ordinal);
        Assert.StartsWith("Учётная запись заблокирована", afterwards, StringComparison.Ordinal);
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>Records each distinct text the streaming answer shows, to tell a stream from one final paint.</summary>
    private const string WatchStream = """
        () => {
          window.streamedStates = [];
          const seen = new Set();
          new MutationObserver(() => {
            const node = document.querySelector('[data-testid=answer-stream]');
            const text = node ? node.textContent : '';
            if (text && !seen.has(text)) { seen.add(text); window.streamedStates.push(performance.now()); }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;
}
