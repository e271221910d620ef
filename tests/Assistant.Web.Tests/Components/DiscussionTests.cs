using Assistant.Web.Components.Analytics;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class DiscussionTests : ComponentTest
{
    private const string Discussion = """
        {"draftId":"d1","total":7,"stances":{"support":3,"oppose":3,"neutral":1},
         "overTime":[{"day":"2026-02-01","support":2,"oppose":1,"neutral":0},{"day":"2026-02-02","support":1,"oppose":2,"neutral":1}],
         "articles":[{"article":"1","support":2,"oppose":3,"neutral":0},{"support":1,"oppose":0,"neutral":1}],
         "topics":[
           {"stance":"support","lang":"ru","keyTerms":["отпуск","работник"],"comments":3,"examples":[{"id":1,"text":"Отпуск нужен работникам."}]},
           {"stance":"oppose","lang":"ru","keyTerms":["отпуск","работодатель"],"comments":2,"examples":[{"id":4,"text":"Отпуск ударит по работодателям."}],"name":"Нагрузка на работодателей","summary":"Опасаются расходов."},
           {"stance":"oppose","lang":"kk","keyTerms":["демалыс"],"comments":1,"examples":[{"id":6,"text":"Демалыс ұзақ."}]},
           {"stance":"neutral","lang":"ru","keyTerms":["срок"],"comments":1,"examples":[]},
           {"stance":"support","lang":"ru","keyTerms":["разное"],"comments":1,"examples":[{"id":9,"text":"Хорошо."}],"other":true}],
         "method":"Позиции определены словарём; темы — кластеризацией ключевых слов.","topicModel":"qwen2.5-7b"}
        """;

    [Fact]
    public void Topics_are_listed_apart_by_stance_and_a_models_name_is_labelled_ai_written()
    {
        Api.Answer("/v1/drafts/d1/discussion?lang=ru", Discussion);
        var page = Render<DiscussionPage>(p => p.Add(d => d.Id, "d1"));

        var support = page.Find("[data-testid=topics-support]");
        var oppose = page.Find("[data-testid=topics-oppose]");
        var neutral = page.Find("[data-testid=topics-neutral]");

        Assert.All(support.QuerySelectorAll("[data-testid=topic]"), t => Assert.Equal("support", t.GetAttribute("data-stance")));
        Assert.Equal(["oppose", "oppose"], oppose.QuerySelectorAll("[data-testid=topic]").Select(t => t.GetAttribute("data-stance")));
        Assert.Single(neutral.QuerySelectorAll("[data-testid=topic]"));
        Assert.Contains("Отпуск нужен работникам.", support.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Отпуск ударит", support.TextContent, StringComparison.Ordinal);
        Assert.Contains("Нагрузка на работодателей", oppose.TextContent, StringComparison.Ordinal);
        Assert.Equal("qwen2.5-7b", Assert.Single(page.FindAll("[data-testid=ai-written]")).GetAttribute("title"));
        Assert.Equal("Прочие замечания · Русский", support.QuerySelectorAll("[data-testid=topic] h4")[^1].TextContent);
        Assert.Empty(support.QuerySelectorAll("[data-testid=ai-written]"));
        Assert.Equal("7", page.Find("[data-testid=total]").TextContent);
        Assert.Equal(5, page.FindAll("[data-testid=stance-chart] rect").Count);
        Assert.Equal(["Статья 1", "Проект в целом"], page.FindAll(".article-row .article-name").Select(r => r.TextContent));
        Assert.Contains("кластеризацией", page.Find("[data-testid=method]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filtering_by_an_article_asks_for_that_articles_discussion()
    {
        Api.Answer("/v1/drafts/d1/discussion?lang=ru", Discussion);
        Api.Answer("/v1/drafts/d1/discussion?lang=ru&article=1", Discussion.Replace("\"total\":7", "\"total\":5", StringComparison.Ordinal));
        var page = Render<DiscussionPage>(p => p.Add(d => d.Id, "d1"));

        page.Find("[data-testid=discussion-article]").Change("1");

        Assert.Equal("5", page.Find("[data-testid=total]").TextContent);
        Assert.StartsWith("Bearer ", Api.Calls[^1].Authorization, StringComparison.Ordinal);
    }
}
