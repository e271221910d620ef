using System.Text.Json;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>indexer draft parse|apply on a hand-written draft of the dev set.</summary>
public sealed class DraftCliTests
{
    private static string Draft => Path.Combine(RepositoryFolders.DraftDevSet, "handwritten", "labour-reservists.txt");

    [SharedFact]
    public async Task Apply_json_prints_the_act_the_edition_the_norms_and_the_failed_instructions()
    {
        var run = await IndexerProcess.RunAsync("draft", "apply", Draft, "--corpus", SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt"), "--json");

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(["act", "edition", "norms", "failed"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("K1500000414", root.GetProperty("act").GetString());
        var norm = root.GetProperty("norms").EnumerateArray().First();
        Assert.Equal(["id", "article", "before", "after"], norm.EnumerateObject().Select(p => p.Name));
        var failed = root.GetProperty("failed").EnumerateArray().First();
        Assert.Equal(["line", "instruction", "reason"], failed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, run.ExitCode);
    }

    [SharedFact]
    public async Task Apply_without_a_corpus_reads_the_editions_from_the_catalog()
    {
        var folder = Directory.CreateTempSubdirectory("raglegal-draft-");
        try
        {
            var db = Path.Combine(folder.FullName, "catalog.db");
            var labour = SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt");
            Assert.Equal(0, (await IndexerProcess.RunAsync("ingest", labour, "--db", db)).ExitCode);

            var fromCatalog = await IndexerProcess.RunAsync("draft", "apply", Draft, "--db", db, "--json");
            var fromCorpus = await IndexerProcess.RunAsync("draft", "apply", Draft, "--corpus", labour, "--json");

            using var json = JsonDocument.Parse(fromCatalog.Output);
            Assert.Equal("K1500000414", json.RootElement.GetProperty("act").GetString());
            Assert.NotEmpty(json.RootElement.GetProperty("norms").EnumerateArray());
            Assert.Equal(fromCorpus.Output, fromCatalog.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Apply_without_a_corpus_or_a_catalog_says_to_ingest_first()
    {
        var run = await IndexerProcess.RunAsync("draft", "apply", Draft, "--db", Path.Combine(Path.GetTempPath(), "no-such-catalog.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("run 'indexer ingest", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_json_lists_operations_with_their_lines()
    {
        var run = await IndexerProcess.RunAsync("draft", "parse", Draft, "--json");

        using var json = JsonDocument.Parse(run.Output);
        var instructions = json.RootElement.GetProperty("instructions").EnumerateArray().ToArray();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["K1500000414"], json.RootElement.GetProperty("acts").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains(instructions, i => i.GetProperty("kind").GetString() == "Insert" && i.GetProperty("norm").GetString() == "K1500000414/art:22/p:2");
        Assert.Contains(instructions, i => i.GetProperty("kind").GetString() == "Exclude" && i.GetProperty("norm").GetString() == "K1500000414/art:23/p:2/sp:23");
    }

    [Fact]
    public async Task A_missing_draft_file_is_a_clear_error()
    {
        var run = await IndexerProcess.RunAsync("draft", "parse", "no-such-draft.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No draft file", run.Errors, StringComparison.Ordinal);
    }
}
