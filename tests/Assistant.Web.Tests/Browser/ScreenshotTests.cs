using Assistant.Core.Access;
using Assistant.Web.Tests.Hosting;

namespace Assistant.Web.Tests.Browser;

/// <summary>Each main page in Russian and in Kazakh, saved as a screenshot, with its heading in that language.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ScreenshotTests(WebAndApi stack, Chromium chromium)
{
    private static readonly string[] Shots = ["signin", "chat", "chat-phone", "norm", "drafts", "draft", "forecast", "users", "audit", "feedback"];

    [BrowserFact]
    public async Task Every_main_page_renders_in_russian_and_in_kazakh_and_is_saved_as_a_screenshot()
    {
        var password = await stack.AddAccountAsync("admin.screens", AccessRole.Admin);
        var headings = new Dictionary<string, string>();
        foreach (var (culture, locale) in new[] { ("ru", "ru-RU"), ("kk", "kk-KZ") })
        {
            var page = await chromium.NewPageAsync(stack.WebUrl, locale);
            await page.GotoAsync($"/culture/{culture}?returnUrl=/signin");
            await Pages.ScreenshotAsync(page, $"signin-{culture}");
            headings[$"signin-{culture}"] = await page.InnerTextAsync("h1");
            await Pages.SignInAsync(page, "admin.screens", password, "/chat");
            await Pages.InteractiveAsync(page);
            await page.FillAsync("#question", culture == "ru" ? "Какое наказание за кражу чужого имущества?" : "Ұрлық үшін қандай жаза көзделген?");
            await page.ClickAsync("[data-testid=ask]");
            await page.WaitForSelectorAsync("[data-testid=answer-text]");
            if (await page.QuerySelectorAsync("[data-testid=citations] a.norm-link") is { } citation)
            {
                await citation.ClickAsync();
                await page.WaitForSelectorAsync("[data-testid=norm-viewer] [data-testid=norm-text]");
            }

            await Pages.ScreenshotAsync(page, $"chat-{culture}");
            headings[$"chat-{culture}"] = await page.InnerTextAsync("h1");

            var phone = await chromium.NewPageAsync(stack.WebUrl, locale, phone: true);
            await Pages.SignInAsync(phone, "admin.screens", password, "/chat");
            await Pages.ScreenshotAsync(phone, $"chat-phone-{culture}");

            foreach (var (name, path) in new[] { ("norm", "/norms/K1500000414/art:19"), ("drafts", "/drafts"), ("users", "/admin/users"), ("audit", "/admin/audit"), ("feedback", "/admin/feedback") })
            {
                await page.GotoAsync(path);
                await Pages.InteractiveAsync(page);
                await page.WaitForSelectorAsync(name == "norm" ? "[data-testid=norm-text]" : "h1");
                await Pages.ScreenshotAsync(page, $"{name}-{culture}");
                headings[$"{name}-{culture}"] = await page.InnerTextAsync(name == "norm" ? "[data-testid=norm-citation]" : "h1");
            }

            var file = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}.docx");
            ExpertTests.WriteDocx(file, ExpertTests.DraftLines);
            await page.GotoAsync("/drafts");
            await Pages.InteractiveAsync(page);
            await page.SetInputFilesAsync("#draft-file", file);
            await page.ClickAsync("[data-testid=submit-draft]");
            await page.WaitForSelectorAsync("[data-testid=draft-title]");
            await Pages.ScreenshotAsync(page, $"draft-{culture}");
            await page.ClickAsync("[data-testid=run-forecast]");
            await page.WaitForSelectorAsync("[data-testid=forecast]");
            await Pages.ScreenshotAsync(page, $"forecast-{culture}");
            headings[$"forecast-{culture}"] = await page.InnerTextAsync("#affected");
            File.Delete(file);
        }

        Assert.Equal("Вход в RagLegal", headings["signin-ru"]);
        Assert.Equal("RagLegal жүйесіне кіру", headings["signin-kk"]);
        Assert.Equal("Вопросы по законодательству", headings["chat-ru"]);
        Assert.Equal("Заңнама бойынша сұрақтар", headings["chat-kk"]);
        Assert.Equal("Проекты законов", headings["drafts-ru"]);
        Assert.Equal("Заң жобалары", headings["drafts-kk"]);
        Assert.StartsWith("Затрагиваемые нормы", headings["forecast-ru"], StringComparison.Ordinal);
        Assert.StartsWith("Қозғалатын нормалар", headings["forecast-kk"], StringComparison.Ordinal);
        Assert.Equal("Пайдаланушылар мен рөлдер", headings["users-kk"]);
        Assert.Equal("Аудит журналы", headings["audit-kk"]);
        Assert.Equal("Жауаптарға пікірлер", headings["feedback-kk"]);
        Assert.All(Shots.SelectMany(p => new[] { $"{p}-ru", $"{p}-kk" }),
            name => Assert.True(new FileInfo(Path.Combine(Chromium.Screenshots, name + ".png")).Length > 10_000, $"{name}.png is missing or blank"));
    }
}
