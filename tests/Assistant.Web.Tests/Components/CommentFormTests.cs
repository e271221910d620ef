using System.Net;
using System.Text.Json;
using Assistant.Web.Api;
using Assistant.Web.Components.Portal;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class CommentFormTests : ComponentTest
{
    private const string Path = "/v1/public/drafts/d1/comments";

    private static readonly DraftArticle[] Outline =
    [
        new("1", "Статья 1. Внести в Трудовой кодекс Республики Казахстан следующие изменения:", ["1", "2"]),
        new("2", "Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.", []),
    ];

    private IRenderedComponent<CommentForm> RenderForm(bool open = true) =>
        Render<CommentForm>(p => p.Add(f => f.DraftId, "d1").Add(f => f.Outline, Outline).Add(f => f.Open, open).Add(f => f.ClosesAt, new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.FromHours(5))));

    [Fact]
    public void A_comment_on_a_point_is_sent_for_the_visitor_without_a_token_and_said_to_await_moderation()
    {
        Api.Answer(Path, """{"id":9,"status":"pending","masked":["phone","iin"]}""", HttpStatusCode.Accepted);
        var form = RenderForm();

        form.Find("#comment-article").Change("1");
        form.Find("#comment-point").Change("2");
        form.Find("#comment-text").Change("Прошу уточнить порядок, мой телефон +7 701 000 00 00.");
        form.Find("form").Submit();

        var call = Assert.Single(Api.Calls);
        using var body = JsonDocument.Parse(call.Body!);
        Assert.Equal((HttpMethod.Post, Path), (call.Method, call.PathAndQuery));
        Assert.Null(call.Authorization);
        Assert.Equal(Visitor.Id, Api.Headers[0]["X-RagLegal-Visitor"]);
        Assert.Equal(Visitor.Address, Api.Headers[0]["X-Forwarded-For"]);
        Assert.Equal("1", body.RootElement.GetProperty("article").GetString());
        Assert.Equal("2", body.RootElement.GetProperty("point").GetString());
        Assert.Equal(["подпункт 1)", "подпункт 2)"], form.FindAll("#comment-point option").Skip(1).Select(o => o.TextContent));
        Assert.EndsWith("…", form.FindAll("#comment-article option")[2].TextContent, StringComparison.Ordinal);
        var pending = form.Find("[data-testid=comment-pending]").TextContent;
        Assert.Contains("ожидает модерации", pending, StringComparison.Ordinal);
        Assert.Contains("телефон, ИИН", pending, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_on_the_whole_draft_names_no_article()
    {
        Api.Answer(Path, """{"id":10,"status":"pending","masked":[]}""", HttpStatusCode.Accepted);
        var form = RenderForm();

        form.Find("#comment-text").Change("Поддерживаю проект в целом, он нужен.");
        form.Find("form").Submit();

        using var body = JsonDocument.Parse(Assert.Single(Api.Calls).Body!);
        Assert.False(body.RootElement.TryGetProperty("article", out _));
        Assert.Empty(form.FindAll("#comment-point"));
        Assert.Empty(form.FindAll(".masked-note"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Invalid comment", "Comment is shorter than 10 characters.", "Комментарий не принят.")]
    [InlineData(HttpStatusCode.BadRequest, "Invalid comment", "point is '7'; article 1 has 1, 2.", "Комментарий не принят.")]
    [InlineData(HttpStatusCode.Conflict, "Duplicate comment", "The same text was already submitted on this draft.", "Такой комментарий к этому проекту уже отправлен.")]
    [InlineData(HttpStatusCode.Conflict, "Discussion closed", "The discussion closed on 2026-03-01.", "Обсуждение закрыто")]
    [InlineData(HttpStatusCode.TooManyRequests, "Too many requests", "Retry in 60 seconds.", "Слишком много комментариев")]
    public void A_refusal_is_worded_for_the_visitor_and_shows_the_problems_detail(HttpStatusCode status, string title, string detail, string lead)
    {
        Api.Answer(Path, JsonSerializer.Serialize(new { title, detail, status = (int)status }), status);
        var form = RenderForm();

        form.Find("#comment-text").Change("Текст комментария к проекту");
        form.Find("form").Submit();

        var error = form.Find("[data-testid=comment-error]").TextContent;
        Assert.StartsWith(lead, error.Trim(), StringComparison.Ordinal);
        Assert.Contains(detail, error, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("[data-testid=comment-pending]"));
    }

    [Fact]
    public void A_closed_discussion_offers_no_form_and_says_when_it_closed()
    {
        var form = RenderForm(open: false);

        Assert.Empty(form.FindAll("form"));
        Assert.Contains("Обсуждение завершено", form.Find("[data-testid=discussion-closed]").TextContent, StringComparison.Ordinal);
    }
}
