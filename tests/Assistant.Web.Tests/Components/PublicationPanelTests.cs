using System.Net;
using System.Text.Json;
using Assistant.Web.Api;
using Assistant.Web.Components.Drafts;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class PublicationPanelTests : ComponentTest
{
    [Fact]
    public void Publishing_sends_the_end_of_the_chosen_day_and_shows_the_state_with_links_to_the_portal_and_the_analysis()
    {
        var closes = DateTime.Today.AddDays(10);
        Api.Answer("/v1/drafts/d1/publication", JsonSerializer.Serialize(new { draftId = "d1", publishedAt = DateTimeOffset.Now, publishedBy = "expert.aigerim", closesAt = new DateTimeOffset(closes.AddDays(1).AddSeconds(-1)) }));
        var panel = Render<PublicationPanel>(p => p.Add(x => x.DraftId, "d1"));

        panel.Find("#closes-at").Change(closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        panel.Find("[data-testid=publish-draft]").Click();

        var call = Assert.Single(Api.Calls);
        using var body = JsonDocument.Parse(call.Body!);
        var sent = body.RootElement.GetProperty("closesAt").GetDateTimeOffset();
        Assert.Equal((HttpMethod.Post, "/v1/drafts/d1/publication"), (call.Method, call.PathAndQuery));
        Assert.StartsWith("Bearer ", call.Authorization, StringComparison.Ordinal);
        Assert.Equal(closes.AddDays(1).AddSeconds(-1), sent.LocalDateTime);
        Assert.Equal("true", panel.Find(".discussion-state").GetAttribute("data-open"));
        Assert.Equal("/public/drafts/d1", panel.Find("[data-testid=public-link]").GetAttribute("href"));
        Assert.Equal("/drafts/d1/discussion", panel.Find("[data-testid=discussion-link]").GetAttribute("href"));
        Assert.Equal("Перенести дату", panel.Find("[data-testid=publish-draft]").TextContent.Trim());
    }

    [Fact]
    public void Withdrawing_takes_the_draft_off_the_portal()
    {
        Api.Answer("/v1/drafts/d1/publication", string.Empty, HttpStatusCode.NoContent);
        var publication = new Publication("d1", DateTimeOffset.Now.AddDays(-40), "expert.aigerim", DateTimeOffset.Now.AddDays(-10));
        var panel = Render<PublicationPanel>(p => p.Add(x => x.DraftId, "d1").Add(x => x.Publication, publication));
        var closed = panel.Find(".discussion-state").GetAttribute("data-open");

        panel.Find("[data-testid=withdraw-draft]").Click();

        Assert.Equal("false", closed);
        Assert.Equal(HttpMethod.Delete, Assert.Single(Api.Calls).Method);
        Assert.Contains("не опубликован", panel.Find("[data-testid=publication-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=withdraw-draft]"));
    }
}
