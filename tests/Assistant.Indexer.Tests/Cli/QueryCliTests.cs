using System.Text.Json;

namespace Assistant.Indexer.Tests.Cli;

public sealed class QueryCliTests(SamplesCatalog catalog) : IClassFixture<SamplesCatalog>
{
    [Fact]
    public async Task Search_json_gives_norm_ids_citations_scores_and_snippets()
    {
        var run = await IndexerProcess.RunAsync("search", "Секретарем Совета является", "--db", catalog.Db, "--json", "--top", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 3);
        var first = hits[0];
        Assert.Equal("U2500000881/annex:1/p:11", first.GetProperty("normId").GetString());
        Assert.Contains("прил. 1, п. 11", first.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Contains("Секретарем Совета", first.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("score").GetDouble() >= hits[^1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Search_with_act_filter_only_returns_that_act()
    {
        var run = await IndexerProcess.RunAsync("search", "искусственного интеллекта", "--db", catalog.Db, "--json", "--act", "P2400000592");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.NotEmpty(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.All(json.RootElement.GetProperty("hits").EnumerateArray(), hit => Assert.StartsWith("P2400000592/", hit.GetProperty("normId").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_rejects_an_unknown_language()
    {
        var run = await IndexerProcess.RunAsync("search", "совет", "--db", catalog.Db, "--lang", "en");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--lang must be 'ru' or 'kk'", run.Errors + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_norm_text_citation_and_adilet_link()
    {
        var run = await IndexerProcess.RunAsync("show", "U2500000881/p:1", "--db", catalog.Db);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[U2500000881/p:1]", run.Output, StringComparison.Ordinal);
        Assert.Contains("Образовать Совет по развитию искусственного интеллекта.", run.Output, StringComparison.Ordinal);
        Assert.Contains("https://adilet.zan.kz/rus/docs/U2500000881", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_an_unknown_or_malformed_id_is_a_clear_error()
    {
        var unknown = await IndexerProcess.RunAsync("show", "U2500000881/p:999", "--db", catalog.Db);
        var malformed = await IndexerProcess.RunAsync("show", "article 5", "--db", catalog.Db);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No norm U2500000881/p:999", unknown.Errors, StringComparison.Ordinal);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("is not a norm id", malformed.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_json_reports_metrics_overall_and_by_language()
    {
        var queries = Path.Combine(catalog.Folder, "queries.jsonl");
        await File.WriteAllLinesAsync(queries,
        [
            """{"id":"q1","question":"Кто является секретарем Совета по развитию искусственного интеллекта?","lang":"ru","gold":[{"act":"U2500000881"}]}""",
            """{"id":"q2","question":"Какой кодекс регулирует трудовые отношения?","lang":"ru","gold":[{"act":"K1500000414","article":"1"}]}""",
            """{"id":"q3","question":"Без ответа","lang":"kk","gold":[{"act":null}]}""",
        ]);

        var run = await IndexerProcess.RunAsync("eval", "--queries", queries, "--db", catalog.Db, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(2, overall.GetProperty("n").GetInt32());
        Assert.Equal(0.5, overall.GetProperty("hit@10").GetDouble());
        Assert.Equal(1.0, json.RootElement.GetProperty("by_lang").GetProperty("ru").GetProperty("hit@1").GetDouble() * 2);
        Assert.Equal(1, json.RootElement.GetProperty("skipped_without_gold").GetInt32());
    }
}
