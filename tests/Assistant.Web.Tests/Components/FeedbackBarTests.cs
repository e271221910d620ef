using System.Net;
using System.Text.Json;
using Assistant.Web.Api;
using Assistant.Web.Components.Chat;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class FeedbackBarTests : ComponentTest
{
    private static readonly VerifiedAnswer Answer = new("Кража наказывается [1].", "generated", "ru", [new(1, "K1400000226/art:188", "УК РК, ст. 188")], [], null);

    [Fact]
    public void Useful_is_sent_with_the_question_the_answer_and_its_citations_under_the_readers_token()
    {
        Api.Answer("/v1/feedback", "{}", HttpStatusCode.Created);
        var bar = Render<FeedbackBar>(p => p.Add(f => f.Question, "Какое наказание за кражу?").Add(f => f.Answer, Answer).Add(f => f.ConversationId, "c1"));

        bar.FindAll("button")[0].Click();

        var call = Assert.Single(Api.Calls);
        using var body = JsonDocument.Parse(call.Body!);
        Assert.Equal((HttpMethod.Post, "/v1/feedback"), (call.Method, call.PathAndQuery));
        Assert.StartsWith("Bearer ", call.Authorization, StringComparison.Ordinal);
        Assert.Equal("useful", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal("c1", body.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal("K1400000226/art:188", body.RootElement.GetProperty("citations")[0].GetString());
        Assert.Contains("Спасибо", bar.Find("[data-testid=feedback-sent]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_citation_asks_for_a_comment_first_and_a_refusal_is_shown_in_the_readers_language()
    {
        Api.Answer("/v1/feedback", """{"status":429,"detail":"Too many requests."}""", HttpStatusCode.TooManyRequests);
        var bar = Render<FeedbackBar>(p => p.Add(f => f.Question, "Вопрос").Add(f => f.Answer, Answer));

        bar.FindAll("button")[1].Click();
        var callsBeforeSend = Api.Calls.Count;
        bar.Find("input").Change("статья 188 не о том");
        bar.FindAll("button")[^1].Click();

        Assert.Equal(0, callsBeforeSend);
        using var body = JsonDocument.Parse(Assert.Single(Api.Calls).Body!);
        Assert.Equal("wrong-citation", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal("статья 188 не о том", body.RootElement.GetProperty("comment").GetString());
        Assert.Contains("Слишком много запросов", bar.Markup, StringComparison.Ordinal);
    }
}
