using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Catalog;

/// <summary>Search, acts, norms and health over a catalog of real acts, with no model: answers are extracts.</summary>
public sealed class CatalogEndpointTests : IClassFixture<TestCatalog>, IDisposable
{
    private readonly ApiHost _host;
    private readonly string _catalogPath;

    public CatalogEndpointTests(TestCatalog catalog)
    {
        _catalogPath = catalog.Copy();
        _host = new ApiHost(_catalogPath, new Dictionary<string, string?> { ["Llm:ModelPath"] = string.Empty });
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Search_returns_ranked_norms_with_citations()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = "совет по развитию искусственного интеллекта", top = 3 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);
        Assert.Equal("lexical", json.RootElement.GetProperty("mode").GetString());
        Assert.Contains(hits, hit => hit.GetProperty("normId").GetString() == "U2500000881/p:1");
        var first = hits[0];
        Assert.Equal("ru", first.GetProperty("lang").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("citation").GetString()));
    }

    [SharedFact]
    public async Task A_kazakh_question_reaches_the_russian_code_through_the_thesaurus_and_says_what_it_added()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = "Ұрлық үшін қандай жаза бар?", top = 5 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            json.RootElement.GetProperty("expansions").EnumerateArray(),
            e => e.GetProperty("from").GetString() == "ұрлық" && e.GetProperty("to").GetString() == "кража" && e.GetProperty("kind").GetString() == "translation");
        Assert.Contains(json.RootElement.GetProperty("hits").EnumerateArray(), hit => hit.GetProperty("normId").GetString() == "K1400000226/art:188");
    }

    [Fact]
    public void A_missing_thesaurus_stops_the_service_at_start_naming_the_setting()
    {
        using var host = new ApiHost(_catalogPath, new Dictionary<string, string?> { ["Retrieval:Thesaurus"] = "/no/such/thesaurus.tsv" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Retrieval:Thesaurus could not be used", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("/no/such/thesaurus.tsv", error.ToString(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task A_norm_has_its_text_references_and_adilet_page()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/norms/K1400000226/art:190", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Уголовный кодекс РК, ст. 190", json.RootElement.GetProperty("citation").GetString());
        Assert.Contains("Мошенничество", json.RootElement.GetProperty("heading").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://adilet.zan.kz/rus/docs/K1400000226", json.RootElement.GetProperty("adiletUrl").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("referencesIn").GetArrayLength() + json.RootElement.GetProperty("referencesOut").GetArrayLength() >= 0);
    }

    [Fact]
    public async Task Acts_are_listed_and_one_act_is_found_by_its_code()
    {
        using var client = _host.CreateClient();

        var acts = await client.GetFromJsonAsync<JsonElement>(new Uri("/v1/acts?lang=ru", UriKind.Relative));
        var act = await client.GetFromJsonAsync<JsonElement>(new Uri("/v1/acts/U2500000881", UriKind.Relative));

        Assert.Contains(acts.EnumerateArray(), a => a.GetProperty("id").GetString() == "P2400000592");
        Assert.Equal("U2500000881", act.GetProperty("id").GetString());
        Assert.Equal("decree", act.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Without_a_model_the_chat_answers_with_an_extract_in_the_same_citation_format()
    {
        using var client = _host.ClientAs(Core.Access.AccessRole.Deputy);

        using var response = await Chat.ChatTests.PostChatAsync(client, "Кто утверждает Положение о Совете по развитию искусственного интеллекта?", stream: false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = json.RootElement.GetProperty("answer");
        Assert.Equal("extract", answer.GetProperty("mode").GetString());
        Assert.StartsWith("Выдержка из норм", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("[1]", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(answer.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Readiness_reports_the_catalog_the_vectors_and_the_model()
    {
        using var client = _host.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ready", ready.GetProperty("catalog").GetProperty("state").GetString());
        Assert.Equal("not configured", ready.GetProperty("model").GetProperty("state").GetString());
        Assert.Equal("lexical", ready.GetProperty("vectors").GetProperty("mode").GetString());
        Assert.Equal("memory", ready.GetProperty("lexicalIndex").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Searches_rank_in_the_in_memory_index_once_start_up_has_built_it()
    {
        using var client = _host.CreateClient();
        var lexicalIndex = default(JsonElement);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            lexicalIndex = (await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative))).GetProperty("lexicalIndex");
        }
        while (lexicalIndex.GetProperty("rankingIn").GetString() != "memory" && waited.Elapsed < TimeSpan.FromSeconds(30) && await Delay());

        Assert.Equal("ready", lexicalIndex.GetProperty("state").GetString());
        Assert.Equal("memory", lexicalIndex.GetProperty("rankingIn").GetString());
        Assert.True(lexicalIndex.GetProperty("terms").GetInt32() > 0);
    }

    [Fact]
    public async Task Configured_for_fts5_the_api_ranks_there()
    {
        using var host = new ApiHost(_catalogPath, new Dictionary<string, string?> { ["Catalog:LexicalIndex"] = "Fts5" });
        using var client = host.CreateClient();

        var lexicalIndex = (await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative))).GetProperty("lexicalIndex");

        Assert.Equal("fts5", lexicalIndex.GetProperty("kind").GetString());
        Assert.Equal("fts5", lexicalIndex.GetProperty("rankingIn").GetString());
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    [Fact]
    public async Task A_model_that_fails_to_load_leaves_the_api_answering_with_extracts_and_says_why()
    {
        var corrupt = Path.Combine(Path.GetTempPath(), $"raglegal-corrupt-{Guid.NewGuid():N}.gguf");
        await File.WriteAllTextAsync(corrupt, "not a gguf file");
        try
        {
            using var host = new ApiHost(_catalogPath, new Dictionary<string, string?> { ["Llm:ModelPath"] = corrupt });
            using var client = host.ClientAs(Core.Access.AccessRole.Deputy);

            var ready = await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative));
            using var chat = await Chat.ChatTests.PostChatAsync(client, "Кто утверждает Положение о Совете по развитию искусственного интеллекта?", stream: false);
            using var json = JsonDocument.Parse(await chat.Content.ReadAsStringAsync());

            Assert.Equal("failed", ready.GetProperty("model").GetProperty("state").GetString());
            Assert.Contains("raglegal-corrupt-", ready.GetProperty("model").GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("extract", json.RootElement.GetProperty("answer").GetProperty("mode").GetString());
        }
        finally
        {
            File.Delete(corrupt);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_chat_and_search_endpoints()
    {
        using var client = _host.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"/v1/chat\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/v1/search\"", document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/search", """{"query":""}""", "query is empty")]
    [InlineData("/v1/search", """{"query":"кража","lang":"de"}""", "Unknown language 'de'")]
    [InlineData("/v1/search", """{"query":"кража","top":500}""", "top is 500")]
    [InlineData("/v1/search", """{"query": "кража",""", "JSON")]
    [InlineData("/v1/search", """{"query":"кража","mode":"fuzzy"}""", "mode is 'fuzzy'")]
    [InlineData("/v1/search", """{"query":"кража","mode":"dense"}""", "needs a vector index")]
    public async Task A_bad_search_is_a_problem_that_says_what_is_wrong(string path, string body, string says)
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/norms/not-a-norm", HttpStatusCode.BadRequest, "is not a norm id")]
    [InlineData("/v1/norms/K1400000226/art:99999", HttpStatusCode.NotFound, "No norm 'K1400000226/art:99999'")]
    [InlineData("/v1/acts/NOSUCHACT", HttpStatusCode.NotFound, "No act 'NOSUCHACT'")]
    [InlineData("/v1/acts?kind=poem", HttpStatusCode.BadRequest, "Unknown kind 'poem'")]
    public async Task Unknown_ids_and_filters_are_problems_that_name_them(string path, HttpStatusCode status, string says)
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsync(new Uri("/v1/search", UriKind.Relative), new StringContent("{\"query\":\"" + new string('a', 70_000) + "\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
