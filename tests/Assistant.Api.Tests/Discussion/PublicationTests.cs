using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Discussion;

/// <summary>POST/DELETE /v1/drafts/{id}/publication and GET /v1/public/drafts: only published drafts reach the public.</summary>
public sealed class PublicationTests : IClassFixture<TestCatalog>, IDisposable
{
    private readonly DiscussionSetup _setup;

    public PublicationTests(TestCatalog catalog) => _setup = new DiscussionSetup(catalog);

    public void Dispose() => _setup.Dispose();

    [SharedFact]
    public async Task A_published_draft_is_listed_and_read_with_its_outline_and_changes()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();

        var list = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/v1/public/drafts", UriKind.Relative));
        var draft = await visitor.GetFromJsonAsync<JsonElement>(new Uri($"/v1/public/drafts/{id}", UriKind.Relative));

        Assert.Contains(list.EnumerateArray(), d => d.GetProperty("id").GetString() == id && d.GetProperty("open").GetBoolean());
        Assert.Equal(["1", "2"], draft.GetProperty("outline").EnumerateArray().Select(a => a.GetProperty("article").GetString()));
        Assert.Equal(["1", "2"], draft.GetProperty("outline")[0].GetProperty("points").EnumerateArray().Select(p => p.GetString()));
        var change = Assert.Single(draft.GetProperty("changes").EnumerateArray());
        Assert.Equal("K1500000414/art:189", change.GetProperty("norm").GetString());
        Assert.Contains("пятнадцать рабочих дней", change.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Contains(change.GetProperty("redline").EnumerateArray(), s => s.GetProperty("kind").GetString() == "inserted");
        Assert.Equal("K1500000414", draft.GetProperty("acts")[0].GetProperty("id").GetString());
    }

    [SharedFact]
    public async Task An_unpublished_draft_is_neither_listed_nor_readable_by_the_public()
    {
        var id = await _setup.DraftAsync(publish: false);
        using var visitor = _setup.Visitor();

        var list = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/v1/public/drafts", UriKind.Relative));
        using var read = await visitor.GetAsync(new Uri($"/v1/public/drafts/{id}", UriKind.Relative));
        using var comments = await visitor.GetAsync(new Uri($"/v1/public/drafts/{id}/comments", UriKind.Relative));
        using var asked = await visitor.PostAsJsonAsync(new Uri($"/v1/public/drafts/{id}/questions", UriKind.Relative), new { question = "Какой срок расследования?" });

        Assert.DoesNotContain(list.EnumerateArray(), d => d.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, comments.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
    }

    [SharedFact]
    public async Task A_withdrawn_draft_leaves_the_portal_and_both_steps_are_logged()
    {
        var id = await _setup.DraftAsync();
        using var expert = _setup.As(AccessRole.Expert, "expert.aigerim");
        using var visitor = _setup.Visitor();

        using var withdrawn = await expert.DeleteAsync(new Uri($"/v1/drafts/{id}/publication", UriKind.Relative));
        using var read = await visitor.GetAsync(new Uri($"/v1/public/drafts/{id}", UriKind.Relative));
        using var moderator = _setup.As(AccessRole.Moderator);
        var log = await moderator.GetFromJsonAsync<JsonElement>(new Uri("/v1/moderation/log", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(["withdraw-draft", "publish-draft"], log.EnumerateArray().Where(e => e.GetProperty("draftId").GetString() == id).Select(e => e.GetProperty("action").GetString()));
    }

    [SharedFact]
    public async Task The_draft_says_when_its_discussion_closes()
    {
        var id = await _setup.DraftAsync(publish: false);
        using var expert = _setup.As(AccessRole.Expert);
        var closes = _setup.Clock.GetUtcNow().AddDays(30);

        using var published = await expert.PostAsJsonAsync(new Uri($"/v1/drafts/{id}/publication", UriKind.Relative), new { closesAt = closes });
        var draft = await expert.GetFromJsonAsync<JsonElement>(new Uri($"/v1/drafts/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(closes, draft.GetProperty("publication").GetProperty("closesAt").GetDateTimeOffset());
    }

    [SharedTheory]
    [InlineData(AccessRole.Deputy, HttpStatusCode.Forbidden)]
    [InlineData(AccessRole.Moderator, HttpStatusCode.Forbidden)]
    [InlineData(AccessRole.Admin, HttpStatusCode.OK)]
    public async Task Only_experts_and_admins_publish_drafts(AccessRole role, HttpStatusCode expected)
    {
        var id = await _setup.DraftAsync(publish: false);
        using var client = _setup.As(role);

        using var response = await client.PostAsJsonAsync(new Uri($"/v1/drafts/{id}/publication", UriKind.Relative), new { closesAt = _setup.Clock.GetUtcNow().AddDays(1) });

        Assert.Equal(expected, response.StatusCode);
    }

    [SharedFact]
    public async Task A_visitor_without_a_token_cannot_publish()
    {
        var id = await _setup.DraftAsync(publish: false);
        using var visitor = _setup.Visitor();

        using var response = await visitor.PostAsJsonAsync(new Uri($"/v1/drafts/{id}/publication", UriKind.Relative), new { closesAt = _setup.Clock.GetUtcNow().AddDays(1) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SharedFact]
    public async Task A_closing_date_in_the_past_is_refused()
    {
        var id = await _setup.DraftAsync(publish: false);
        using var expert = _setup.As(AccessRole.Expert);

        using var response = await expert.PostAsJsonAsync(new Uri($"/v1/drafts/{id}/publication", UriKind.Relative), new { closesAt = _setup.Clock.GetUtcNow().AddMinutes(-1) });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("has passed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
