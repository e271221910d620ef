using Assistant.Core.Access;
using Assistant.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Assistant.Web.Tests.Browser;

/// <summary>
/// The public portal in Chromium, without signing in: a visitor reads a published draft, asks about it, comments on
/// an article, and sees the comment once a moderator has published it; unpublished drafts and pending comments stay hidden.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class PublicTests(WebAndApi stack, Chromium chromium)
{
    [BrowserFact]
    public async Task A_visitor_asks_about_a_published_draft_and_gets_a_cited_answer_but_an_abstention_for_an_unrelated_question()
    {
        using var seed = new PublicSeed(stack);
        var draft = await seed.SubmitDraftAsync("Телепортация: вопросы граждан", ExpertTests.DraftLines);
        await seed.PublishDraftAsync(draft);
        var page = await chromium.NewPageAsync(stack.WebUrl);

        await page.GotoAsync("/public");
        await Pages.InteractiveAsync(page);
        await page.ClickAsync($"a[href='/public/drafts/{draft}']");
        await page.WaitForSelectorAsync("[data-testid=public-title]");
        await Pages.InteractiveAsync(page);
        var changes = await page.InnerTextAsync("[data-testid=changes]");
        await page.FillAsync("#public-question", "Что предусматривает статья 16-7 о квантовой телепортации работников?");
        await page.ClickAsync("[data-testid=public-ask]");
        var answer = await page.WaitForSelectorAsync("[data-testid=public-answer]");
        var mode = await answer!.GetAttributeAsync("data-mode");
        var sources = await page.EvalOnSelectorAllAsync<string[]>("[data-testid=public-answer] [data-testid=citations] .cited", "cs => cs.map(c => c.dataset.source)");
        var label = await page.InnerTextAsync("[data-testid=ai-label]");
        await page.FillAsync("#public-question", "Какая погода будет завтра в Астане?");
        await page.ClickAsync("[data-testid=public-ask]");
        await page.WaitForSelectorAsync("[data-testid=public-answer][data-mode=abstention]");
        var abstention = await page.InnerTextAsync("[data-testid=abstention]");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "raglegal.visitor");

        Assert.Contains("Трудовой кодекс Республики Казахстан", changes, StringComparison.Ordinal);
        Assert.NotEqual("abstention", mode);
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(source is "draft" or "law", source));
        Assert.False(string.IsNullOrWhiteSpace(label));
        Assert.Contains("Ответа нет", abstention, StringComparison.Ordinal);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Expires > DateTimeOffset.UtcNow.AddDays(300).ToUnixTimeSeconds());
    }

    [BrowserFact]
    public async Task A_visitors_comment_on_an_article_appears_only_after_a_moderator_publishes_it_and_takes_one_support_from_them()
    {
        using var seed = new PublicSeed(stack);
        var draft = await seed.SubmitDraftAsync("Телепортация: комментарии", ExpertTests.DraftLines);
        await seed.PublishDraftAsync(draft);
        var text = $"Прошу не исключать статью 19, замечание {Guid.NewGuid():N}.";
        var visitor = await chromium.NewPageAsync(stack.WebUrl);
        await visitor.GotoAsync($"/public/drafts/{draft}");
        await Pages.InteractiveAsync(visitor);

        await visitor.WaitForSelectorAsync("#comment-article option:nth-child(2)", new() { State = WaitForSelectorState.Attached });
        var article = await visitor.EvalOnSelectorAsync<string>("#comment-article option:nth-child(2)", "o => o.value");
        await visitor.SelectOptionAsync("#comment-article", article);
        await visitor.FillAsync("#comment-text", text);
        await visitor.ClickAsync("[data-testid=submit-comment]");
        var pending = await visitor.InnerTextAsync("[data-testid=comment-pending]");
        await visitor.ReloadAsync();
        await Pages.InteractiveAsync(visitor);
        await visitor.WaitForSelectorAsync("#comments-title");
        var beforeModeration = await visitor.InnerTextAsync(".comment-list");
        var apiBeforeModeration = await seed.PublishedCommentsAsync(draft);

        var password = await stack.AddAccountAsync("moderator.dana", AccessRole.Moderator);
        var moderator = await chromium.NewPageAsync(stack.WebUrl);
        await Pages.SignInAsync(moderator, "moderator.dana", password, "/moderation");
        await Pages.InteractiveAsync(moderator);
        var card = moderator.Locator("[data-testid=pending-comment]", new() { HasText = text });
        var original = await card.Locator("[data-testid=original-text]").InnerTextAsync();
        await card.Locator("[data-testid=publish-comment]").ClickAsync();
        await card.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await visitor.ReloadAsync();
        await Pages.InteractiveAsync(visitor);
        await visitor.SelectOptionAsync("#comments-article", article);
        var published = visitor.Locator("[data-testid=public-comment]", new() { HasText = text });
        await published.WaitForAsync();
        var shown = await published.InnerTextAsync();
        await published.Locator("[data-testid=support]").ClickAsync();
        await published.Locator("[role=status]").WaitForAsync();
        var supported = await published.Locator("[data-testid=supports]").InnerTextAsync();
        await visitor.ReloadAsync();
        await Pages.InteractiveAsync(visitor);
        var again = visitor.Locator("[data-testid=public-comment]", new() { HasText = text });
        await again.Locator("[data-testid=support]").ClickAsync();
        var refused = await again.Locator("[role=status]").InnerTextAsync();

        Assert.Contains("ожидает модерации", pending, StringComparison.Ordinal);
        Assert.DoesNotContain(text, beforeModeration, StringComparison.Ordinal);
        Assert.DoesNotContain(text, apiBeforeModeration, StringComparison.Ordinal);
        Assert.Equal(text, original);
        Assert.Contains($"Статья {article}", shown, StringComparison.Ordinal);
        Assert.Equal("1", supported);
        Assert.Contains("уже поддержали", refused, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_visitor_cannot_open_an_unpublished_draft_nor_see_its_pending_comments()
    {
        using var seed = new PublicSeed(stack);
        var hidden = await seed.SubmitDraftAsync("Телепортация: не опубликован", ExpertTests.DraftLines);
        var shown = await seed.SubmitDraftAsync("Телепортация: с комментарием на модерации", ExpertTests.DraftLines);
        await seed.PublishDraftAsync(shown);
        await seed.CommentAsync(shown, "visitor-pending-01", "Этот комментарий ждёт модератора и не виден.");
        var page = await chromium.NewPageAsync(stack.WebUrl);

        await page.GotoAsync("/public");
        await page.WaitForSelectorAsync("[data-testid=public-drafts]");
        var listed = await page.InnerTextAsync("[data-testid=public-drafts]");
        var response = await page.GotoAsync($"/public/drafts/{hidden}");
        var notFound = await page.InnerTextAsync("[data-testid=not-found] h1");
        await page.GotoAsync($"/public/drafts/{shown}");
        await page.WaitForSelectorAsync("#comments-title");
        var comments = await page.InnerTextAsync(".comment-list");

        Assert.DoesNotContain("не опубликован", listed, StringComparison.Ordinal);
        Assert.Contains("с комментарием на модерации", listed, StringComparison.Ordinal);
        Assert.Equal(404, response!.Status);
        Assert.Equal("Страница не найдена", notFound);
        Assert.DoesNotContain("ждёт модератора", comments, StringComparison.Ordinal);
    }
}
