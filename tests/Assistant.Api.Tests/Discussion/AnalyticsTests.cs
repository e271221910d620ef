using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Discussion;

/// <summary>GET /v1/drafts/{id}/discussion: stance and topics of the published comments, for the roles that read analytics.</summary>
public sealed class AnalyticsTests : IClassFixture<TestCatalog>, IDisposable
{
    private static readonly string[] Comments =
    [
        "Полностью поддерживаю увеличение срока расследования, комиссии не успевают.",
        "Поддерживаю, пятнадцать дней на расследование — разумный срок для комиссии.",
        "Категорически против увеличения срока расследования, пострадавшие ждут выплат.",
        "Против! Срок расследования нельзя увеличивать, выплаты пострадавшим задержатся.",
        "Қолдаймын, тергеу мерзімін ұзарту дұрыс шешім.",
        "Сколько всего несчастных случаев расследуют за год?",
    ];

    private readonly DiscussionSetup _setup;

    public AnalyticsTests(TestCatalog catalog) => _setup = new DiscussionSetup(catalog, new Dictionary<string, string?> { ["Llm:ModelPath"] = string.Empty });

    public void Dispose() => _setup.Dispose();

    [SharedFact]
    public async Task Published_comments_are_counted_by_stance_per_article_and_topics_keep_stances_apart()
    {
        var id = await _setup.DraftAsync();
        for (var i = 0; i < Comments.Length; i++)
        {
            await _setup.PublishCommentAsync(await _setup.CommentAsync(id, Comments[i], article: i < 4 ? "1" : null, visitorId: $"visitor-{i:D4}"));
        }

        await _setup.CommentAsync(id, "Этот ожидает модерации и не считается.", visitorId: "visitor-9999");
        using var deputy = _setup.As(AccessRole.Deputy);

        var discussion = await deputy.GetFromJsonAsync<JsonElement>(new Uri($"/v1/drafts/{id}/discussion", UriKind.Relative));
        var onArticle = await deputy.GetFromJsonAsync<JsonElement>(new Uri($"/v1/drafts/{id}/discussion?article=1", UriKind.Relative));

        Assert.Equal(6, discussion.GetProperty("total").GetInt32());
        var stances = discussion.GetProperty("stances");
        Assert.Equal((3, 2, 1), (stances.GetProperty("support").GetInt32(), stances.GetProperty("oppose").GetInt32(), stances.GetProperty("neutral").GetInt32()));
        Assert.Equal(4, onArticle.GetProperty("total").GetInt32());
        Assert.Contains(discussion.GetProperty("articles").EnumerateArray(), a => a.TryGetProperty("article", out var n) && n.GetString() == "1" && a.GetProperty("oppose").GetInt32() == 2);
        var topics = discussion.GetProperty("topics").EnumerateArray().ToList();
        Assert.Contains(topics, t => t.GetProperty("stance").GetString() == "oppose" && !t.GetProperty("other").GetBoolean() && t.GetProperty("comments").GetInt32() == 2);
        Assert.All(topics, t => Assert.False(t.TryGetProperty("name", out _)));
        Assert.Equal(6, discussion.GetProperty("overTime").EnumerateArray().Sum(d => d.GetProperty("support").GetInt32() + d.GetProperty("oppose").GetInt32() + d.GetProperty("neutral").GetInt32()));
        Assert.False(discussion.TryGetProperty("topicModel", out _));
        Assert.StartsWith("Позиция определяется", discussion.GetProperty("method").GetString(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task The_method_is_stated_in_the_readers_language()
    {
        var id = await _setup.DraftAsync();
        using var deputy = _setup.As(AccessRole.Deputy);

        var kazakh = await deputy.GetFromJsonAsync<JsonElement>(new Uri($"/v1/drafts/{id}/discussion?lang=kk", UriKind.Relative));
        using var unknown = await deputy.GetAsync(new Uri($"/v1/drafts/{id}/discussion?lang=en", UriKind.Relative));

        Assert.StartsWith("Позиция жалпы", kazakh.GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [SharedTheory]
    [InlineData(AccessRole.Expert, HttpStatusCode.OK)]
    [InlineData(AccessRole.Moderator, HttpStatusCode.OK)]
    public async Task Experts_and_moderators_read_analytics_too(AccessRole role, HttpStatusCode expected)
    {
        var id = await _setup.DraftAsync();
        using var client = _setup.As(role);

        using var response = await client.GetAsync(new Uri($"/v1/drafts/{id}/discussion", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [SharedFact]
    public async Task A_visitor_reads_no_analytics()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();

        using var response = await visitor.GetAsync(new Uri($"/v1/drafts/{id}/discussion", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
