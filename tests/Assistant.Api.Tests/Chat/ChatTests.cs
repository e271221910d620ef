using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Core.Answers;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Chat;

/// <summary>
/// POST /v1/chat over the real pipeline: a catalog of real acts, lexical retrieval, and the llama.cpp engine with
/// the tiny stories260K model, whose output is held by a grammar to sentences that end with a source marker.
/// </summary>
public sealed class ChatTests : IClassFixture<TestCatalog>, IDisposable
{
    private readonly ApiHost _host;

    public ChatTests(TestCatalog catalog)
    {
        _host = new ApiHost(catalog.Copy(), new Dictionary<string, string?>
        {
            ["Llm:ModelPath"] = SharedData.IsAvailable ? SharedData.Path("models", "stories260K.gguf") : string.Empty,
            ["Llm:Parallel"] = "4",
            ["Llm:ContextSize"] = "16384",
            ["Llm:Threads"] = "1",
            ["Answers:Sources"] = "3",
            ["Answers:MaxSourceCharacters"] = "200",
            ["Answers:MaxAnswerTokens"] = "48",
            ["Answers:ConstrainCitations"] = "true",
        });
    }

    public void Dispose() => _host.Dispose();

    [SharedFact]
    public async Task Stream_sends_sources_then_deltas_then_citations_then_done()
    {
        using var client = _host.ClientAs(AccessRole.Deputy);

        using var response = await PostChatAsync(client, "Какое наказание за кражу чужого имущества?");
        var events = await SseReader.ReadAllAsync(response);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var types = events.Select(e => e.Type).ToList();
        Assert.Equal("sources", types[0]);
        Assert.Equal(["citations", "done"], types[^2..]);
        Assert.All(types[1..^2], type => Assert.Equal("delta", type));
        Assert.True(types.Count > 3, "the model streamed no text");
        var sources = events[0].Data;
        Assert.False(string.IsNullOrEmpty(sources.GetProperty("conversationId").GetString()));
        Assert.Equal("lexical", sources.GetProperty("retrieval").GetString());
        Assert.Equal(1, sources.GetProperty("sources")[0].GetProperty("n").GetInt32());
        // The tiny model restates nothing meaningful; what is checked is that its rewrite was asked for and reported.
        var rewrites = sources.GetProperty("rewrites").GetArrayLength();
        var skipped = sources.TryGetProperty("rewriteSkipped", out var reason) ? reason.GetString() : null;
        Assert.True(rewrites > 0 != (skipped is not null), $"rewrites {rewrites}, skipped {skipped}");
        Assert.NotEqual(GroundedAnswerer.RewritingOff, skipped);
        Assert.NotEqual(QuestionRewriter.NoModel, skipped);
        var done = events[^1].Data;
        Assert.True(done.GetProperty("usage").GetProperty("outputTokens").GetInt64() > 0);
        Assert.True(done.GetProperty("timings").GetProperty("totalMs").GetDouble() > 0);
    }

    [SharedTheory]
    [InlineData("Какое наказание за кражу чужого имущества?")]
    [InlineData("Какова продолжительность ежегодного оплачиваемого трудового отпуска?")]
    [InlineData("ст. 188 УК")]
    public async Task Citations_are_always_a_subset_of_the_sources_and_name_catalog_norms(string question)
    {
        using var client = _host.ClientAs(AccessRole.Expert);

        using var response = await PostChatAsync(client, question);
        var events = await SseReader.ReadAllAsync(response);

        var sources = events.Single(e => e.Type == "sources").Data.GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("n").GetInt32(), s => s.GetProperty("normId").GetString());
        var answer = events.Single(e => e.Type == "citations").Data;
        Assert.Equal("generated", answer.GetProperty("mode").GetString());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            Assert.Equal(sources[citation.GetProperty("n").GetInt32()], citation.GetProperty("normId").GetString());
            using var norm = await client.GetAsync(new Uri("/v1/norms/" + citation.GetProperty("normId").GetString(), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, norm.StatusCode);
        }
    }

    [SharedTheory]
    [InlineData("Какая погода будет на Марсе послезавтра?", "ru", "В проиндексированных нормах права нет основания")]
    [InlineData("Марста ертең ауа райы қандай болады?", "kk", "Индекстегі құқықтық нормаларда")]
    public async Task A_question_the_index_gives_no_basis_for_gets_the_abstention_in_its_language(string question, string lang, string start)
    {
        using var client = _host.ClientAs(AccessRole.Deputy);

        using var response = await PostChatAsync(client, question, stream: false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = json.RootElement.GetProperty("answer");
        Assert.Equal("abstention", answer.GetProperty("mode").GetString());
        Assert.Equal(lang, answer.GetProperty("lang").GetString());
        Assert.StartsWith(start, answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
    }

    [SharedFact]
    public async Task A_follow_up_in_a_conversation_is_searched_with_the_question_before_it()
    {
        using var client = _host.ClientAs(AccessRole.Deputy);
        using var first = await PostChatAsync(client, "Какое наказание за кражу чужого имущества?", stream: false);
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var conversation = firstJson.RootElement.GetProperty("conversationId").GetString();

        using var second = await client.PostAsJsonAsync(new Uri("/v1/chat", UriKind.Relative), new
        {
            conversationId = conversation,
            messages = new[] { new { role = "user", content = "А если группой лиц?" } },
            stream = false,
        });
        using var secondJson = JsonDocument.Parse(await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(conversation, secondJson.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal(
            "Какое наказание за кражу чужого имущества?\nА если группой лиц?",
            secondJson.RootElement.GetProperty("sources").GetProperty("retrievalQuery").GetString());
    }

    [SharedFact]
    public async Task Another_users_conversation_is_not_found()
    {
        using var owner = _host.ClientAs(AccessRole.Deputy, "owner");
        using var first = await PostChatAsync(owner, "Какое наказание за кражу чужого имущества?", stream: false);
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var stranger = _host.ClientAs(AccessRole.Deputy, "stranger");

        using var response = await stranger.PostAsJsonAsync(new Uri("/v1/chat", UriKind.Relative), new
        {
            conversationId = json.RootElement.GetProperty("conversationId").GetString(),
            messages = new[] { new { role = "user", content = "А если повторно?" } },
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SharedFact]
    public async Task Sixteen_parallel_chats_all_complete_with_an_answer()
    {
        string[] questions = ["Какое наказание за кражу?", "Что такое мошенничество?", "Ежегодный трудовой отпуск", "ст. 188 УК"];

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var client = _host.ClientAs(AccessRole.Deputy, $"deputy{i}");

            // Sixteen answers share one model on a 2-core machine: completion is checked here, not speed.
            client.Timeout = TimeSpan.FromMinutes(5);
            using var response = await PostChatAsync(client, questions[i % questions.Length]);
            return await SseReader.ReadAllAsync(response);
        }));

        Assert.All(answers, events =>
        {
            Assert.Equal("done", events[^1].Type);
            Assert.DoesNotContain(events, e => e.Type == "error");
        });
    }

    [SharedFact]
    public async Task Every_turn_is_in_the_audit_trail_which_only_an_admin_exports()
    {
        using var deputy = _host.ClientAs(AccessRole.Deputy, "audited.deputy");
        using var turn = await PostChatAsync(deputy, "Какое наказание за кражу чужого имущества?", stream: false);
        using var turnJson = JsonDocument.Parse(await turn.Content.ReadAsStringAsync());
        using var admin = _host.ClientAs(AccessRole.Admin);

        using var refused = await deputy.GetAsync(new Uri("/v1/audit", UriKind.Relative));
        using var export = await admin.GetAsync(new Uri("/v1/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entry = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("entry"))
            .Single(e => e.GetProperty("conversationId").GetString() == turnJson.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal("audited.deputy", entry.GetProperty("user").GetString());
        Assert.Equal("deputy", entry.GetProperty("role").GetString());
        Assert.Equal(64, entry.GetProperty("answerSha256").GetString()!.Length);
        var cited = turnJson.RootElement.GetProperty("answer").GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("normId").GetString());
        Assert.Equal(cited, entry.GetProperty("citations").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Chat_without_a_token_is_refused()
    {
        using var client = _host.CreateClient();

        using var response = await PostChatAsync(client, "Какое наказание за кражу?");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "messages")]
    [InlineData("""{"messages":[{"role":"user","content":"   "}]}""", "question is empty")]
    [InlineData("""{"messages":[{"role":"user","content":"Кража"}],"lang":"en"}""", "Unknown language 'en'")]
    [InlineData("""{"messages":[{"role":"robot","content":"Кража"}]}""", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"user","content":"Кража"},{"role":"assistant","content":"Штраф"}]}""", "last message")]
    public async Task A_bad_chat_request_is_a_problem_that_says_what_is_wrong(string body, string says)
    {
        using var client = _host.ClientAs(AccessRole.Deputy);

        using var response = await client.PostAsync(new Uri("/v1/chat", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_over_the_length_limit_is_refused()
    {
        using var client = _host.ClientAs(AccessRole.Deputy);

        using var response = await PostChatAsync(client, new string('к', 2_001));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 2000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static Task<HttpResponseMessage> PostChatAsync(HttpClient client, string question, bool stream = true) =>
        client.PostAsJsonAsync(new Uri("/v1/chat", UriKind.Relative), new { messages = new[] { new { role = "user", content = question } }, stream });
}
