using System.Text.Json;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

public sealed class IngestCliTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("raglegal-cli-");

    private string Db => Path.Combine(_work.FullName, "catalog.db");

    [Fact]
    public async Task Ingesting_the_samples_twice_leaves_the_same_catalog()
    {
        var first = await IndexerProcess.RunAsync("ingest", RepositoryFolders.TestActs, "--db", Db);
        var hitsAfterFirst = await SearchJsonAsync("совет по развитию искусственного интеллекта");
        var second = await IndexerProcess.RunAsync("ingest", RepositoryFolders.TestActs, "--db", Db);
        var hitsAfterSecond = await SearchJsonAsync("совет по развитию искусственного интеллекта");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("acts       2", first.Output, StringComparison.Ordinal);
        Assert.Equal(Counts(first.Output), Counts(second.Output));
        Assert.NotEmpty(hitsAfterFirst);
        Assert.Equal(hitsAfterFirst, hitsAfterSecond);
    }

    [Fact]
    public async Task A_bad_record_is_reported_with_file_and_line_the_rest_is_ingested_and_the_run_fails()
    {
        var source = Directory.CreateDirectory(Path.Combine(_work.FullName, "source"));
        File.Copy(Path.Combine(RepositoryFolders.TestActs, "U2500000881.ru.txt"), Path.Combine(source.FullName, "U2500000881.ru.txt"));
        var bulk = Path.Combine(source.FullName, "bulk.jsonl");
        File.WriteAllLines(bulk,
        [
            """{"id":"ru-t-1","lang":"ru","title":"О порядке","text":"1. Первый пункт о порядке рассмотрения обращений.\n2. Второй пункт."}""",
            """{"id":"ru-t-2","lang":"ru","title":"Сломанная запись","text":""",
            """{"id":"ru-t-3","lang":"ru","title":"О сроках","text":"1. Сроки рассмотрения обращений составляют пятнадцать дней."}""",
        ]);
        File.WriteAllText(Path.Combine(source.FullName, "notes.md"), "not an act");

        var run = await IndexerProcess.RunAsync("ingest", source.FullName, "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{bulk}:2:", run.Output, StringComparison.Ordinal);
        Assert.Contains("failures   1", run.Output, StringComparison.Ordinal);
        Assert.Contains("passed over 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("ru-t-3/p:1", string.Join(' ', await SearchJsonAsync("сроки рассмотрения обращений")), StringComparison.Ordinal);
        Assert.Contains("U2500000881/p:1", string.Join(' ', await SearchJsonAsync("образовать совет искусственного интеллекта")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_that_fails_to_parse_on_reingest_leaves_the_ingested_act_intact()
    {
        var source = Directory.CreateDirectory(Path.Combine(_work.FullName, "source"));
        var act = Path.Combine(source.FullName, "U2500000881.ru.txt");
        File.Copy(Path.Combine(RepositoryFolders.TestActs, "U2500000881.ru.txt"), act);
        Assert.Equal(0, (await IndexerProcess.RunAsync("ingest", act, "--db", Db)).ExitCode);
        var before = await SearchJsonAsync("совет по развитию искусственного интеллекта");

        File.WriteAllText(act, "");
        var broken = await IndexerProcess.RunAsync("ingest", act, "--db", Db);

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains(act, broken.Output, StringComparison.Ordinal);
        Assert.Equal(before, await SearchJsonAsync("совет по развитию искусственного интеллекта"));
    }

    [Fact]
    public async Task A_missing_path_is_a_clear_error()
    {
        var run = await IndexerProcess.RunAsync("ingest", Path.Combine(_work.FullName, "nowhere"), "--db", Db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Not found:", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_before_any_ingest_says_how_to_build_the_catalog()
    {
        var run = await IndexerProcess.RunAsync("search", "кража", "--db", Db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("run 'indexer ingest", run.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static string[] Counts(string summary) =>
        [.. summary.Split('\n').Where(l => l.TrimStart().StartsWith("acts", StringComparison.Ordinal) || l.TrimStart().StartsWith("norms", StringComparison.Ordinal) || l.TrimStart().StartsWith("references", StringComparison.Ordinal))];

    private async Task<List<string>> SearchJsonAsync(string query)
    {
        var run = await IndexerProcess.RunAsync("search", query, "--db", Db, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(hit => $"{hit.GetProperty("normId").GetString()} {hit.GetProperty("score").GetDouble()}")];
    }
}
