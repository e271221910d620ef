using System.Text.Json;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>The indexer over the real Adilet texts of ../shared: ingest without failures, and the eval targets.</summary>
public sealed class SharedCorpusCliTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("raglegal-shared-");

    [SharedFact]
    public async Task The_adilet_texts_ingest_without_failures_and_russian_questions_find_their_article_in_the_top_ten()
    {
        var db = Path.Combine(_work.FullName, "catalog.db");

        var ingest = await IndexerProcess.RunAsync("ingest", SharedData.Path("corpus", "adilet"), "--db", db);
        var eval = await IndexerProcess.RunAsync("eval", "--queries", SharedData.Path("eval", "dev-queries.jsonl"), "--db", db, "--json");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("acts       27", ingest.Output, StringComparison.Ordinal);
        Assert.True(eval.ExitCode == 0, eval.ToString());
        using var json = JsonDocument.Parse(eval.Output);
        var russian = json.RootElement.GetProperty("by_lang").GetProperty("ru");
        Assert.True(russian.GetProperty("hit@10").GetDouble() >= 0.9, eval.Output);
    }

    [SharedFact]
    public async Task A_query_naming_an_article_of_a_code_returns_that_article_first()
    {
        var db = Path.Combine(_work.FullName, "catalog.db");
        Assert.Equal(0, (await IndexerProcess.RunAsync("ingest", SharedData.Path("corpus", "adilet", "ru", "K1400000226.ru.txt"), SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt"), "--db", db)).ExitCode);

        var russian = await IndexerProcess.RunAsync("search", "ст. 188 УК", "--db", db, "--json", "--top", "3");
        var kazakh = await IndexerProcess.RunAsync("search", "88-бап Еңбек кодексі", "--db", db, "--json", "--top", "3");

        Assert.Equal("K1400000226/art:188", FirstNormId(russian));
        Assert.Equal("K1500000414/art:88", FirstNormId(kazakh));
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static string? FirstNormId(IndexerRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("hits").EnumerateArray().First().GetProperty("normId").GetString();
    }
}
