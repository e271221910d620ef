using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Discussion;

/// <summary>POST and GET /v1/public/drafts/{id}/comments, supports and the CSV export: what visitors write and read.</summary>
public sealed class CommentTests : IClassFixture<TestCatalog>, IDisposable
{
    private readonly DiscussionSetup _setup;

    public CommentTests(TestCatalog catalog) => _setup = new DiscussionSetup(catalog);

    public void Dispose() => _setup.Dispose();

    [SharedFact]
    public async Task A_comment_is_pending_until_a_moderator_publishes_it()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();

        using var posted = await visitor.PostAsJsonAsync(Comments(id), new { text = "Пятнадцать рабочих дней на расследование слишком много, пострадавшие ждут.", article = "1", point = "1" });
        var accepted = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var before = await visitor.GetFromJsonAsync<JsonElement>(Comments(id));
        await _setup.PublishCommentAsync(accepted.GetProperty("id").GetInt64());
        var after = await visitor.GetFromJsonAsync<JsonElement>(Comments(id));

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal("pending", accepted.GetProperty("status").GetString());
        Assert.Empty(before.EnumerateArray());
        var shown = Assert.Single(after.EnumerateArray());
        Assert.Equal("1", shown.GetProperty("article").GetString());
        Assert.Equal("1", shown.GetProperty("point").GetString());
        Assert.Equal("ru", shown.GetProperty("lang").GetString());
    }

    [SharedFact]
    public async Task Personal_data_is_masked_before_publication_and_the_original_forgotten()
    {
        var id = await _setup.DraftAsync();
        var comment = await _setup.CommentAsync(id, "Меня зовут Айгерим Сейткали, мой ИИН 900101300123, телефон +7 701 123-45-67, почта aigerim@mail.kz. Срок нужно сократить.");
        using var moderator = _setup.As(Core.Access.AccessRole.Moderator);

        var pending = (await moderator.GetFromJsonAsync<JsonElement>(new Uri("/v1/moderation/comments?status=pending", UriKind.Relative))).EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == comment);
        await _setup.PublishCommentAsync(comment);
        var published = (await moderator.GetFromJsonAsync<JsonElement>(new Uri("/v1/moderation/comments?status=published", UriKind.Relative))).EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == comment);
        using var visitor = _setup.Visitor();
        var shown = (await visitor.GetFromJsonAsync<JsonElement>(Comments(id)))[0].GetProperty("text").GetString()!;

        Assert.Equal(["iin", "phone", "email", "name"], pending.GetProperty("masked").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains("900101300123", pending.GetProperty("original").GetString(), StringComparison.Ordinal);
        Assert.False(published.TryGetProperty("original", out _));
        Assert.Equal("Меня зовут [имя скрыто], мой ИИН [ИИН скрыт], телефон [телефон скрыт], почта [e-mail скрыт]. Срок нужно сократить.", shown);
    }

    [SharedTheory]
    [InlineData("<b>Против</b> этого проекта полностью", "HTML")]
    [InlineData("Коротко", "at least 10")]
    [InlineData("Хорошо &lt;script&gt; проект", "HTML")]
    public async Task Html_and_too_short_comments_are_refused_saying_why(string text, string expected)
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();

        using var response = await visitor.PostAsJsonAsync(Comments(id), new { text });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SharedTheory]
    [InlineData("7", null, "the draft's articles are 1, 2")]
    [InlineData("1", "9", "article 1 has points 1, 2")]
    [InlineData(null, "1", "point is given without article")]
    public async Task A_comment_on_an_article_or_point_the_draft_lacks_is_refused(string? article, string? point, string expected)
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();

        using var response = await visitor.PostAsJsonAsync(Comments(id), new { text = "Считаю эту норму лишней и вредной.", article, point });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task The_same_comment_again_even_reworded_slightly_is_a_duplicate()
    {
        var id = await _setup.DraftAsync();
        await _setup.CommentAsync(id, "Считаю, что срок расследования несчастного случая нельзя увеличивать до пятнадцати дней.");
        using var other = _setup.Visitor("visitor-0002");

        using var response = await other.PostAsJsonAsync(Comments(id), new { text = "считаю что СРОК расследования несчастного случая нельзя увеличивать до пятнадцати дней!!!" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Duplicate comment", problem.GetProperty("title").GetString());
    }

    [SharedFact]
    public async Task After_the_closing_date_new_comments_are_refused_naming_it()
    {
        var id = await _setup.DraftAsync();
        _setup.Clock.Advance(TimeSpan.FromDays(8));
        using var visitor = _setup.Visitor();

        using var response = await visitor.PostAsJsonAsync(Comments(id), new { text = "Поздний комментарий к проекту закона." });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/v1/public/drafts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Discussion closed", problem.GetProperty("title").GetString());
        Assert.Contains("closed at", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(listed.EnumerateArray().Single(d => d.GetProperty("id").GetString() == id).GetProperty("open").GetBoolean());
    }

    [SharedFact]
    public async Task A_visitor_supports_a_published_comment_once()
    {
        var id = await _setup.DraftAsync();
        var comment = await _setup.CommentAsync(id, "Поддерживаю сокращение срока для дорожной полиции.");
        await _setup.PublishCommentAsync(comment);
        using var first = _setup.Visitor("visitor-aaaa1111");
        using var second = _setup.Visitor("visitor-bbbb2222");
        var support = new Uri($"/v1/public/drafts/{id}/comments/{comment}/support", UriKind.Relative);

        using var once = await first.PostAsync(support, null);
        using var twice = await first.PostAsync(support, null);
        using var other = await second.PostAsync(support, null);

        Assert.Equal(1, (await once.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supports").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(2, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supports").GetInt32());
    }

    [SharedFact]
    public async Task A_pending_comment_cannot_be_supported()
    {
        var id = await _setup.DraftAsync();
        var comment = await _setup.CommentAsync(id, "Ещё не проверенный модератором комментарий.");
        using var visitor = _setup.Visitor();

        using var response = await visitor.PostAsync(new Uri($"/v1/public/drafts/{id}/comments/{comment}/support", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SharedFact]
    public async Task Published_comments_export_as_csv_with_quoted_fields_and_no_pending_ones()
    {
        var id = await _setup.DraftAsync();
        var published = await _setup.CommentAsync(id, "Срок, \"пятнадцать дней\", слишком велик;\nпрошу вернуть десять.", article: "1");
        await _setup.CommentAsync(id, "Этот комментарий ещё не опубликован модератором.");
        await _setup.PublishCommentAsync(published);
        using var visitor = _setup.Visitor();

        using var response = await visitor.GetAsync(new Uri($"/v1/public/drafts/{id}/comments.csv", UriKind.Relative));
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,draft,article,point,language,published_at,supports,text,reply", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",1,,ru,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("\"Срок, \"\"пятнадцать дней\"\", слишком велик;\nпрошу вернуть десять.\",", lines[1], StringComparison.Ordinal);
    }

    private static Uri Comments(string id) => new($"/v1/public/drafts/{id}/comments", UriKind.Relative);
}
