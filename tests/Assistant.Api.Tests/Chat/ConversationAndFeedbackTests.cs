using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;

namespace Assistant.Api.Tests.Chat;

/// <summary>/v1/conversations (each person's own, to resume) and /v1/feedback (stored for admins); /v1/audit filtered.</summary>
public sealed class ConversationAndFeedbackTests : IClassFixture<TestCatalog>, IDisposable
{
    private static readonly string[] Cited = ["K1/art:1"];

    private readonly ApiHost _host;

    public ConversationAndFeedbackTests(TestCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _host = new ApiHost(catalog.Copy(), new Dictionary<string, string?>());
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_person_lists_their_own_conversations_latest_first_and_reads_one_back()
    {
        using var aida = _host.ClientAs(AccessRole.Deputy, "deputy.aida");
        using var bolat = _host.ClientAs(AccessRole.Deputy, "deputy.bolat");
        var first = await AskAsync(aida, "Кто утверждает Положение о Совете по развитию искусственного интеллекта?");
        var second = await AskAsync(aida, "Какие задачи у Совета?");
        await AskAsync(bolat, "Что такое искусственный интеллект?");

        var list = await aida.GetFromJsonAsync<JsonElement>(new Uri("/v1/conversations", UriKind.Relative));
        var read = await aida.GetFromJsonAsync<JsonElement>(new Uri($"/v1/conversations/{first}", UriKind.Relative));
        using var foreign = await bolat.GetAsync(new Uri($"/v1/conversations/{first}", UriKind.Relative));

        Assert.Equal([second, first], list.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("Какие задачи у Совета?", list[0].GetProperty("firstQuestion").GetString());
        Assert.Equal(2, list[0].GetProperty("messages").GetInt32());
        Assert.Equal(["user", "assistant"], read.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Feedback_on_an_answer_is_kept_with_who_gave_it_and_listed_for_admins_by_kind()
    {
        using var deputy = _host.ClientAs(AccessRole.Deputy, "deputy.aida");
        using var admin = _host.ClientAs(AccessRole.Admin, "admin");
        using var useful = await deputy.PostAsJsonAsync(new Uri("/v1/feedback", UriKind.Relative), new { kind = "useful", question = "Вопрос 1", answer = "Ответ [1].", mode = "generated", citations = Cited });
        using var wrong = await deputy.PostAsJsonAsync(new Uri("/v1/feedback", UriKind.Relative), new { kind = "wrong-citation", question = "Вопрос 2", answer = "Ответ [2].", mode = "extract", comment = "ст. 2 не о том" });

        var all = await admin.GetFromJsonAsync<JsonElement>(new Uri("/v1/feedback", UriKind.Relative));
        var wrongOnly = await admin.GetFromJsonAsync<JsonElement>(new Uri("/v1/feedback?kind=wrong-citation", UriKind.Relative));
        using var byDeputy = await deputy.GetAsync(new Uri("/v1/feedback", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (useful.StatusCode, wrong.StatusCode));
        Assert.Equal(["wrong-citation", "useful"], all.EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
        var entry = Assert.Single(wrongOnly.EnumerateArray());
        Assert.Equal(("deputy.aida", "deputy", "ст. 2 не о том"), (entry.GetProperty("user").GetString(), entry.GetProperty("role").GetString(), entry.GetProperty("comment").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, byDeputy.StatusCode);
    }

    [Theory]
    [InlineData("""{"kind":"great","question":"q","answer":"a"}""", "kind")]
    [InlineData("""{"kind":"useful","question":"","answer":"a"}""", "question")]
    [InlineData("""{"kind":"useful","question":"q"}""", "answer")]
    public async Task Feedback_without_a_known_kind_a_question_or_an_answer_is_refused_naming_the_field(string body, string field)
    {
        using var deputy = _host.ClientAs(AccessRole.Deputy);

        using var response = await deputy.PostAsync(new Uri("/v1/feedback", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + " ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_is_filtered_by_user_and_by_role()
    {
        using var deputy = _host.ClientAs(AccessRole.Deputy, "deputy.audit");
        using var expert = _host.ClientAs(AccessRole.Expert, "expert.audit");
        using var admin = _host.ClientAs(AccessRole.Admin, "admin");
        await AskAsync(deputy, "Кто утверждает Положение о Совете?");
        await AskAsync(expert, "Какие задачи у Совета?");

        var byUser = await LinesAsync(admin, "/v1/audit?user=deputy.audit");
        var byRole = await LinesAsync(admin, "/v1/audit?role=expert");

        Assert.Equal(["deputy.audit"], byUser.Select(e => e.GetProperty("entry").GetProperty("user").GetString()));
        Assert.Equal(["expert.audit"], byRole.Select(e => e.GetProperty("entry").GetProperty("user").GetString()));
    }

    private static async Task<string> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/v1/chat", UriKind.Relative), new { messages = new[] { new { role = "user", content = question } }, stream = false });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
    }

    private static async Task<List<JsonElement>> LinesAsync(HttpClient client, string path)
    {
        var text = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }
}
