using System.Text.Json;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>embed, then search and eval in every mode, over the samples with the default model.</summary>
public sealed class EmbedCliTests(EmbeddedSamples samples) : IClassFixture<EmbeddedSamples>
{
    [SharedFact]
    public async Task The_first_embed_writes_the_default_model_and_embeds_every_norm_and_the_next_embeds_none()
    {
        var first = samples.FirstEmbed!;
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("wrote the untrained default model", first.Errors, StringComparison.Ordinal);
        Assert.Matches(@"norms\s+(\d+) current, \1 embedded, 0 unchanged", first.Output);

        var again = await IndexerProcess.RunAsync(samples.Environment, "embed", "--db", samples.Db);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("default model", again.Errors, StringComparison.Ordinal);
        Assert.Matches(@"norms\s+(\d+) current, 0 embedded, \1 unchanged, 0 removed", again.Output);
    }

    [SharedFact]
    public async Task Hybrid_search_reports_the_rank_each_side_gave()
    {
        var run = await IndexerProcess.RunAsync(samples.Environment, "search", "совет по развитию искусственного интеллекта", "--db", samples.Db, "--mode", "hybrid", "--json", "--top", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(5, hits.Count);
        Assert.Contains(hits, hit => hit.GetProperty("denseRank").ValueKind == JsonValueKind.Number);
        Assert.Contains(hits, hit => hit.GetProperty("lexicalRank").ValueKind == JsonValueKind.Number);
    }

    [SharedFact]
    public async Task Dense_search_finds_norms_by_vectors_alone()
    {
        var run = await IndexerProcess.RunAsync(samples.Environment, "search", "искусственный интеллект", "--db", samples.Db, "--mode", "dense", "--json", "--top", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal([1, 2, 3], json.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("denseRank").GetInt32()));
    }

    [SharedTheory]
    [InlineData("lexical")]
    [InlineData("dense")]
    [InlineData("hybrid")]
    public async Task Eval_runs_in_each_mode_and_says_which(string mode)
    {
        var queries = Path.Combine(samples.ModelFolder, "..", $"queries-{mode}.jsonl");
        await File.WriteAllTextAsync(queries, """{"id":"q1","question":"Кто является секретарем Совета по развитию искусственного интеллекта?","lang":"ru","gold":[{"act":"U2500000881"}]}""" + "\n");

        var run = await IndexerProcess.RunAsync(samples.Environment, "eval", "--db", samples.Db, "--queries", queries, "--mode", mode, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(mode, json.RootElement.GetProperty("mode").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("overall").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Dense_search_without_vectors_says_to_run_embed()
    {
        var empty = Directory.CreateTempSubdirectory("raglegal-novectors-");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["RAGLEGAL_Vectors__Path"] = Path.Combine(empty.FullName, "vectors"),
                ["RAGLEGAL_Embeddings__Model"] = Path.Combine(empty.FullName, "model"),
            };

            var run = await IndexerProcess.RunAsync(environment, "search", "кража", "--db", samples.Db, "--mode", "dense");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("indexer embed", run.Errors, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_naming_the_choices()
    {
        var run = await IndexerProcess.RunAsync("search", "кража", "--db", samples.Db, "--mode", "fuzzy");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("lexical, dense or hybrid", run.Errors + run.Output, StringComparison.Ordinal);
    }
}
