using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Retrieval;

/// <summary>Search and chat over a catalog whose norms are embedded: hybrid by default, each mode on request.</summary>
public sealed class HybridRetrievalTests : IClassFixture<TestVectors>, IDisposable
{
    private readonly TestVectors _vectors;
    private readonly ApiHost _host;

    public HybridRetrievalTests(TestVectors vectors)
    {
        _vectors = vectors;
        _host = new ApiHost(vectors.CatalogPath, vectors.Settings());
    }

    public void Dispose() => _host.Dispose();

    [SharedFact]
    public async Task Readiness_reports_the_vectors_and_hybrid_mode()
    {
        using var client = _host.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));

        var vectors = json.RootElement.GetProperty("vectors");
        Assert.Equal("ready", vectors.GetProperty("state").GetString());
        Assert.Equal("hybrid", vectors.GetProperty("mode").GetString());
        Assert.Equal("test-hashed-32", vectors.GetProperty("model").GetString());
        Assert.Equal(_vectors.Norms, vectors.GetProperty("count").GetInt64());
    }

    [SharedFact]
    public async Task Search_is_hybrid_by_default_and_reports_the_rank_each_side_gave()
    {
        using var client = _host.CreateClient();

        using var json = await Search(client, new { query = "совет по развитию искусственного интеллекта", top = 5 });

        Assert.Equal("hybrid", json.RootElement.GetProperty("mode").GetString());
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(5, hits.Count);
        Assert.Contains(hits, hit => hit.GetProperty("normId").GetString() == "U2500000881/p:1");
        Assert.Contains(hits, hit => hit.TryGetProperty("denseRank", out _));
        Assert.Contains(hits, hit => hit.TryGetProperty("lexicalRank", out _));
    }

    [SharedFact]
    public async Task Dense_search_ranks_by_vectors_alone_and_keeps_the_language_filter()
    {
        using var client = _host.CreateClient();

        using var json = await Search(client, new { query = "кража чужого имущества", top = 5, mode = "dense", lang = "ru" });

        Assert.Equal("dense", json.RootElement.GetProperty("mode").GetString());
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Equal("ru", hit.GetProperty("lang").GetString()));
        Assert.Equal(Enumerable.Range(1, hits.Count), hits.Select(hit => hit.GetProperty("denseRank").GetInt32()));
        Assert.All(hits, hit => Assert.False(hit.TryGetProperty("lexicalRank", out _)));
    }

    [SharedFact]
    public async Task A_paragraph_named_in_the_question_carries_its_article_heading()
    {
        using var client = _host.CreateClient();

        using var json = await Search(client, new { query = "п. 2 ст. 188 УК", top = 3 });

        var first = json.RootElement.GetProperty("hits")[0];
        Assert.Equal("K1400000226/art:188/p:2", first.GetProperty("normId").GetString());
        Assert.Contains("Кража", first.GetProperty("articleHeading").GetString(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task A_chat_answer_over_hybrid_retrieval_cites_only_its_sources()
    {
        using var client = _host.ClientAs(Core.Access.AccessRole.Deputy);

        using var response = await client.PostAsJsonAsync(new Uri("/v1/chat", UriKind.Relative), new
        {
            stream = false,
            messages = new[] { new { role = "user", content = "Кто утверждает Положение о Совете по развитию искусственного интеллекта?" } },
        });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = json.RootElement;
        Assert.Equal("hybrid", root.GetProperty("sources").GetProperty("retrieval").GetString());
        var sources = root.GetProperty("sources").GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("normId").GetString()).ToHashSet();
        var citations = root.GetProperty("answer").GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("normId").GetString()).ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, id => Assert.Contains(id, sources));
    }

    private static async Task<JsonDocument> Search(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
