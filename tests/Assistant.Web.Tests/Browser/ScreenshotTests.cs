using Assistant.Core.Access;
using Assistant.Web.Tests.Hosting;

namespace Assistant.Web.Tests.Browser;

/// <summary>Each main page in Russian and in Kazakh, saved as a screenshot, with its heading in that language.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ScreenshotTests(WebAndApi stack, Chromium chromium)
{
    private static readonly string[] Shots = ["signin", "chat", "chat-phone", "norm", "drafts", "draft", "forecast", "users", "audit", "feedback"];

    private static readonly string[] DiscussionShots = ["public", "public-draft", "moderation", "discussion"];

    /// <summary>Comments with a clear stance each, in Russian and Kazakh, on different points so none is a near-duplicate.</summary>
    private static readonly string[] Comments =
    [
        "Поддерживаю проект: порядок телепортации работников давно пора урегулировать законом.",
        "Полностью поддерживаю, уполномоченный орган должен определить правила безопасности.",
        "Согласен с новой статьёй 16-7, это защитит работников от произвола работодателя.",
        "Поддерживаю исключение статьи 19, она устарела и мешает применению кодекса.",
        "Хорошая инициатива, прошу принять проект в предложенной редакции без задержек.",
        "Поддерживаю, но прошу сократить срок вступления в силу до пяти дней.",
        "Жобаны қолдаймын, жұмыскерлерді тасымалдау тәртібі заңмен реттелуі керек.",
        "Толық қолдаймын: уәкілетті орган қауіпсіздік қағидаларын бекітуі тиіс.",
        "Жаңа 16-7-бапты құптаймын, ол еңбеккерлердің құқығын қорғайды.",
        "Қолдаймын, заң жобасы еңбек қатынастарын заманауи етеді.",
        "Против исключения статьи 19: без неё субъекты трудовых отношений не определены.",
        "Не согласен с проектом, телепортация работников небезопасна для здоровья.",
        "Возражаю: проект передаёт слишком много полномочий уполномоченному органу.",
        "Против, расходы работодателей на новое оборудование никто не посчитал.",
        "Не поддерживаю статью 16-7, она противоречит нормам об охране труда.",
        "Категорически против, проект принят без обсуждения с профсоюзами.",
        "Жобаға қарсымын, 19-бапты алып тастау еңбек қатынастарын бұзады.",
        "Келіспеймін: телепортация жұмыскердің денсаулығына қауіп төндіреді.",
        "Қарсымын, жұмыс берушілердің шығыны есептелмеген.",
        "Бұл жобаны қолдамаймын, кәсіподақтармен талқыланбаған.",
        "Прошу пояснить, как будет оплачиваться время телепортации работника.",
        "Какой орган будет уполномоченным по смыслу новой статьи 16-7?",
        "Предлагаю уточнить в статье 2 дату вступления закона в силу.",
        "Нужен переходный период для организаций малого бизнеса.",
        "Уточните, распространяется ли норма на государственных служащих.",
        "Телепортация уақыты қалай төленетінін түсіндіріңіздер.",
        "16-7-бап бойынша уәкілетті орган қайсы болатынын нақтылау керек.",
        "Заңның күшіне ену мерзімін 2-бапта анықтау ұсынылады.",
    ];

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

    [BrowserFact]
    public async Task The_public_draft_its_moderation_and_its_discussion_render_in_russian_and_in_kazakh_and_are_saved_as_screenshots()
    {
        using var seed = new PublicSeed(stack);
        var draft = await seed.SubmitDraftAsync("О внесении изменений в Трудовой кодекс (квантовая телепортация)", ExpertTests.DraftLines);
        await seed.PublishDraftAsync(draft);
        var articles = await seed.ArticlesAsync(draft);
        for (var i = 0; i < Comments.Length; i++)
        {
            await seed.CommentAsync(draft, $"visitor-screens-{i:D2}", Comments[i], i % 3 == 0 || articles.Count == 0 ? null : articles[i % articles.Count]);
        }

        await seed.PublishCommentsAsync(draft);
        await seed.CommentAsync(draft, "visitor-screens-pending-1", "Прошу связаться со мной: Асель Нурланова, ИИН 900101300123, телефон +7 701 123 45 67.");
        await seed.CommentAsync(draft, "visitor-screens-pending-2", "Пишите на aidar@example.kz, я против статьи 16-7 в нынешнем виде.");
        var password = await stack.AddAccountAsync("moderator.screens", AccessRole.Moderator);
        var headings = new Dictionary<string, string>();
        foreach (var (culture, locale) in new[] { ("ru", "ru-RU"), ("kk", "kk-KZ") })
        {
            var visitor = await chromium.NewPageAsync(stack.WebUrl, locale);
            await visitor.GotoAsync($"/culture/{culture}?returnUrl=/public");
            await visitor.WaitForSelectorAsync("[data-testid=public-drafts]");
            await Pages.ScreenshotAsync(visitor, $"public-{culture}");
            headings[$"public-{culture}"] = await visitor.InnerTextAsync("h1");
            await visitor.GotoAsync($"/public/drafts/{draft}");
            await Pages.InteractiveAsync(visitor);
            await visitor.FillAsync("#public-question", culture == "ru" ? "Что меняет проект в статье 19 Трудового кодекса?" : "Жоба Еңбек кодексінің 19-бабында нені өзгертеді?");
            await visitor.ClickAsync("[data-testid=public-ask]");
            await visitor.WaitForSelectorAsync("[data-testid=public-answer]");
            await visitor.WaitForSelectorAsync("[data-testid=public-comment]");
            await Pages.ScreenshotAsync(visitor, $"public-draft-{culture}");
            headings[$"public-draft-{culture}"] = await visitor.InnerTextAsync("#comment-title");

            var moderator = await chromium.NewPageAsync(stack.WebUrl, locale);
            await moderator.GotoAsync($"/culture/{culture}?returnUrl=/signin");
            await Pages.SignInAsync(moderator, "moderator.screens", password, "/moderation");
            await Pages.InteractiveAsync(moderator);
            await moderator.WaitForSelectorAsync("[data-testid=pending-comment]");
            await Pages.ScreenshotAsync(moderator, $"moderation-{culture}");
            headings[$"moderation-{culture}"] = await moderator.InnerTextAsync("h1");
            await moderator.GotoAsync($"/drafts/{draft}/discussion");
            await Pages.InteractiveAsync(moderator);
            await moderator.WaitForSelectorAsync("[data-testid=topics-neutral]");
            await Pages.ScreenshotAsync(moderator, $"discussion-{culture}");
            headings[$"discussion-{culture}"] = await moderator.InnerTextAsync("h1");
        }

        Assert.Equal("Общественное обсуждение проектов законов", headings["public-ru"]);
        Assert.Equal("Заң жобаларын қоғамдық талқылау", headings["public-kk"]);
        Assert.Equal("Пікір қалдыру", headings["public-draft-kk"]);
        Assert.Equal("Модерация комментариев", headings["moderation-ru"]);
        Assert.Equal("Пікірлерді модерациялау", headings["moderation-kk"]);
        Assert.Equal("Итоги обсуждения", headings["discussion-ru"]);
        Assert.Equal("Талқылау қорытындысы", headings["discussion-kk"]);
        Assert.All(DiscussionShots.SelectMany(p => new[] { $"{p}-ru", $"{p}-kk" }),
            name => Assert.True(new FileInfo(Path.Combine(Chromium.Screenshots, name + ".png")).Length > 10_000, $"{name}.png is missing or blank"));
    }
}
