using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Discussion;

/// <summary>POST /v1/public/drafts/{id}/questions: answers from the draft and the acts it amends only, audited like chat.</summary>
public sealed class PublicQuestionTests : IClassFixture<TestCatalog>, IDisposable
{
    private readonly DiscussionSetup _setup;

    public PublicQuestionTests(TestCatalog catalog) => _setup = new DiscussionSetup(catalog, new Dictionary<string, string?> { ["Discussion:QuestionsPerDraftPerMinute"] = "3" });

    public void Dispose() => _setup.Dispose();

    [SharedFact]
    public async Task A_question_about_the_draft_is_answered_citing_the_draft_and_the_law()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();

        var answer = await AskAsync(visitor, id, "Какой срок расследования несчастного случая, связанного с трудовой деятельностью?");

        Assert.Equal("extract", answer.GetProperty("mode").GetString());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.Contains(citations, c => c.GetProperty("source").GetString() == "draft" && c.GetProperty("norm").GetString() == "K1500000414/art:189/p:1");
        Assert.Contains(citations, c => c.GetProperty("source").GetString() == "law" && c.GetProperty("norm").GetString()!.StartsWith("K1500000414/", StringComparison.Ordinal));
        Assert.True(answer.GetProperty("text").GetString()!.Contains("пятнадцать", StringComparison.Ordinal), answer.GetProperty("text").GetString());

        Assert.Contains("автоматически", answer.GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task A_question_outside_the_draft_and_its_acts_abstains_saying_so()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();

        var answer = await AskAsync(visitor, id, "Сколько стоит оформление заграничного паспорта для ребенка?");

        Assert.Equal("abstention", answer.GetProperty("mode").GetString());
        Assert.StartsWith("Вопрос выходит за рамки законопроекта", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
    }

    [SharedFact]
    public async Task A_question_on_entry_into_force_cites_the_drafts_own_article()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();

        var answer = await AskAsync(visitor, id, "Когда настоящий Закон вводится в действие после официального опубликования?");

        var cited = answer.GetProperty("citations").EnumerateArray().First(c => c.GetProperty("citation").GetString()!.Contains("ст. 2", StringComparison.Ordinal));
        Assert.Equal("draft", cited.GetProperty("source").GetString());
        Assert.False(cited.TryGetProperty("norm", out _));
    }

    [SharedFact]
    public async Task Public_questions_are_kept_in_the_audit_trail()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();
        await AskAsync(visitor, id, "Когда настоящий Закон вводится в действие?");
        using var admin = _setup.As(AccessRole.Admin);

        var trail = await admin.GetStringAsync(new Uri("/v1/audit?role=public", UriKind.Relative));

        var entry = JsonDocument.Parse(trail.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last()).RootElement.GetProperty("entry");
        Assert.Equal("anonymous", entry.GetProperty("user").GetString());
        Assert.Equal("draft:" + id, entry.GetProperty("conversationId").GetString());
    }

    [SharedFact]
    public async Task A_draft_answers_only_so_many_questions_a_minute()
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();
        for (var i = 0; i < 3; i++)
        {
            await AskAsync(visitor, id, "Когда Закон вводится в действие?");
        }

        using var refused = await visitor.PostAsJsonAsync(new Uri($"/v1/public/drafts/{id}/questions", UriKind.Relative), new { question = "Когда Закон вводится в действие?" });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("at most 3 questions per minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SharedTheory]
    [InlineData("")]
    [InlineData("long")]
    public async Task An_empty_or_overlong_question_is_refused(string kind)
    {
        var id = await _setup.DraftAsync();
        using var visitor = _setup.Visitor();
        var question = kind == "long" ? new string('а', 1001) : "  ";

        using var response = await visitor.PostAsJsonAsync(new Uri($"/v1/public/drafts/{id}/questions", UriKind.Relative), new { question });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonElement> AskAsync(HttpClient visitor, string id, string question)
    {
        using var response = await visitor.PostAsJsonAsync(new Uri($"/v1/public/drafts/{id}/questions", UriKind.Relative), new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
