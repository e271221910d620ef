using System.Net;
using Assistant.Web.Components.Portal;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests.Components;

public sealed class PublicDraftTests : ComponentTest
{
    private const string Draft = """
        {"id":"d1","title":"О внесении изменений в Трудовой кодекс","lang":"ru","text":"Статья 1. ...","acts":[{"id":"K1500000414","title":"Трудовой кодекс Республики Казахстан"}],
         "publishedAt":"2026-02-01T10:00:00+05:00","closesAt":"2026-03-01T23:59:59+05:00","open":true,
         "outline":[{"article":"1","heading":"Статья 1. Внести изменения:","points":["1","2"]}],
         "changes":[{"act":"K1500000414","norm":"K1500000414/art:19","article":"Статья 19. Субъекты трудовых отношений","before":"Статья 19.","after":"","redline":[{"kind":"deleted","text":"Статья 19."}]}],
         "comments":1,"supports":2}
        """;

    private const string Comments = """
        [{"id":1,"article":"1","point":"2","text":"Не согласен с исключением статьи 19.","lang":"ru","publishedAt":"2026-02-02T09:00:00+05:00","supports":2,
          "reply":{"text":"Статья 19 переносится в статью 16-7.","by":"Министерство труда","at":"2026-02-03T09:00:00+05:00"}}]
        """;

    [Fact]
    public void A_published_draft_shows_what_it_changes_its_comments_with_replies_and_the_csv_link()
    {
        Api.Answer("/v1/public/drafts/d1", Draft);
        Api.Answer("/v1/public/drafts/d1/comments?sort=new", Comments);

        var page = Render<PublicDraftPage>(p => p.Add(d => d.Id, "d1"));

        Assert.Equal("О внесении изменений в Трудовой кодекс", page.Find("[data-testid=public-title]").TextContent);
        Assert.Equal("true", page.Find(".discussion-state").GetAttribute("data-open"));
        Assert.Equal("K1500000414/art:19", page.Find("[data-testid=changes] a.norm-link").GetAttribute("data-norm"));
        Assert.Equal("Трудовой кодекс Республики Казахстан · Статья 19. Субъекты трудовых отношений", page.Find("[data-testid=changes] a.norm-link").TextContent);
        Assert.Equal("Статья 19.", page.Find("[data-testid=changes] del").TextContent);
        Assert.Contains("Министерство труда", page.Find("[data-testid=reply-text]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Статья 1, подпункт 2)", page.Find("[data-testid=comment-target]").TextContent);
        Assert.Equal("/exports/public/drafts/d1/comments.csv", page.Find("[data-testid=export-csv]").GetAttribute("href"));
        Assert.All(Api.Calls, call => Assert.Null(call.Authorization));
    }

    [Fact]
    public void A_second_support_from_the_same_visitor_is_refused_and_said_so()
    {
        Api.Answer("/v1/public/drafts/d1", Draft);
        Api.Answer("/v1/public/drafts/d1/comments?sort=new", Comments);
        Api.Answer("/v1/public/drafts/d1/comments/1/support", """{"title":"Already supported","status":409}""", HttpStatusCode.Conflict);
        var page = Render<PublicDraftPage>(p => p.Add(d => d.Id, "d1"));

        page.Find("[data-testid=support]").Click();

        Assert.Contains("уже поддержали", page.Find("[data-testid=public-comment]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=support]").HasAttribute("disabled"));
        Assert.Equal("2", page.Find("[data-testid=supports]").TextContent);
    }

    [Fact]
    public void A_support_counts_once_and_shows_the_new_count()
    {
        Api.Answer("/v1/public/drafts/d1", Draft);
        Api.Answer("/v1/public/drafts/d1/comments?sort=new", Comments);
        Api.Answer("/v1/public/drafts/d1/comments/1/support", """{"supports":3}""");
        var page = Render<PublicDraftPage>(p => p.Add(d => d.Id, "d1"));

        page.Find("[data-testid=support]").Click();

        Assert.Equal("3", page.Find("[data-testid=supports]").TextContent);
        Assert.Equal(Visitor.Id, Api.Headers[^1]["X-RagLegal-Visitor"]);
    }

    [Fact]
    public void An_unpublished_or_unknown_draft_is_not_found()
    {
        Api.Answer("/v1/public/drafts/d2", """{"status":404,"detail":"No published draft has this id."}""", HttpStatusCode.NotFound);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var notFound = 0;
        navigation.OnNotFound += (_, _) => notFound++;

        var page = Render<PublicDraftPage>(p => p.Add(d => d.Id, "d2"));

        Assert.Equal(1, notFound);
        Assert.Empty(page.FindAll("[data-testid=public-title]"));
        Assert.Empty(page.FindAll(".mud-alert"));
    }
}
