using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Discussion;

/// <summary>/v1/moderation: who reviews comments, rejection with a reason, the drafting body's reply, the log, and the per-address limit on comments.</summary>
public sealed class ModerationTests : IClassFixture<TestCatalog>, IDisposable
{
    private readonly DiscussionSetup _setup;

    public ModerationTests(TestCatalog catalog) => _setup = new DiscussionSetup(catalog, new Dictionary<string, string?> { ["RateLimits:Comments:PermitLimit"] = "6" });

    public void Dispose() => _setup.Dispose();

    [SharedTheory]
    [InlineData(AccessRole.Deputy, HttpStatusCode.Forbidden)]
    [InlineData(AccessRole.Expert, HttpStatusCode.Forbidden)]
    [InlineData(AccessRole.Moderator, HttpStatusCode.OK)]
    [InlineData(AccessRole.Admin, HttpStatusCode.OK)]
    public async Task Only_moderators_and_admins_see_the_queue(AccessRole role, HttpStatusCode expected)
    {
        using var client = _setup.As(role);

        using var response = await client.GetAsync(new Uri("/v1/moderation/comments?status=pending", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [SharedFact]
    public async Task A_visitor_sees_no_queue()
    {
        using var visitor = _setup.Visitor();

        using var response = await visitor.GetAsync(new Uri("/v1/moderation/comments", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SharedFact]
    public async Task A_rejected_comment_stays_hidden_and_its_reason_is_logged()
    {
        var id = await _setup.DraftAsync();
        var comment = await _setup.CommentAsync(id, "Реклама: купите наши курсы охраны труда!");
        using var moderator = _setup.As(AccessRole.Moderator, "moderator.dana");

        using var noReason = await moderator.PostAsJsonAsync(new Uri($"/v1/moderation/comments/{comment}/reject", UriKind.Relative), new { reason = " " });
        using var rejected = await moderator.PostAsJsonAsync(new Uri($"/v1/moderation/comments/{comment}/reject", UriKind.Relative), new { reason = "реклама" });
        using var again = await moderator.PostAsync(new Uri($"/v1/moderation/comments/{comment}/publish", UriKind.Relative), null);
        using var visitor = _setup.Visitor();
        var shown = await visitor.GetFromJsonAsync<JsonElement>(new Uri($"/v1/public/drafts/{id}/comments", UriKind.Relative));
        var log = await moderator.GetFromJsonAsync<JsonElement>(new Uri("/v1/moderation/log", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("rejected", (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Empty(shown.EnumerateArray());
        var entry = log[0];
        Assert.Equal("reject-comment", entry.GetProperty("action").GetString());
        Assert.Equal("moderator.dana", entry.GetProperty("user").GetString());
        Assert.Equal("реклама", entry.GetProperty("detail").GetString());
        Assert.Equal(comment, entry.GetProperty("commentId").GetInt64());
    }

    [SharedFact]
    public async Task The_drafting_body_replies_under_a_published_comment_only()
    {
        var id = await _setup.DraftAsync();
        var comment = await _setup.CommentAsync(id, "Зачем увеличивать срок расследования?");
        using var expert = _setup.As(AccessRole.Expert, "expert.aigerim");
        var reply = new Uri($"/v1/moderation/comments/{comment}/reply", UriKind.Relative);

        using var early = await expert.PostAsJsonAsync(reply, new { text = "Ответим после публикации." });
        await _setup.PublishCommentAsync(comment);
        using var replied = await expert.PostAsJsonAsync(reply, new { text = "Срок увеличен из-за экспертиз, которые занимают больше десяти дней." });
        using var visitor = _setup.Visitor();
        var shown = (await visitor.GetFromJsonAsync<JsonElement>(new Uri($"/v1/public/drafts/{id}/comments", UriKind.Relative)))[0];

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal("expert.aigerim", shown.GetProperty("reply").GetProperty("by").GetString());
        Assert.StartsWith("Срок увеличен", shown.GetProperty("reply").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task A_deputy_may_not_reply_for_the_drafting_body()
    {
        using var deputy = _setup.As(AccessRole.Deputy);

        using var response = await deputy.PostAsJsonAsync(new Uri("/v1/moderation/comments/1/reply", UriKind.Relative), new { text = "Ответ" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SharedFact]
    public async Task One_address_may_post_only_so_many_comments_a_minute()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await visitor.PostAsJsonAsync(new Uri($"/v1/public/drafts/{id}/comments", UriKind.Relative), new { text = $"Комментарий номер {i} о сроках расследования, вариант {i * 7}." });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
