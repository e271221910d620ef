using System.Text.Json;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>indexer findings: the analysis run from the command line, its JSON, and its refusals.</summary>
public sealed class FindingsCliTests(SamplesCatalog samples) : IClassFixture<SamplesCatalog>
{
    [Fact]
    public async Task Findings_json_says_what_the_run_did_that_no_judge_is_configured_and_a_second_run_has_nothing_to_do()
    {
        var first = await IndexerProcess.RunAsync("findings", "--db", samples.Db, "--json");
        var second = await IndexerProcess.RunAsync("findings", "--db", samples.Db, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        using var document = JsonDocument.Parse(first.Output);
        Assert.True(document.RootElement.GetProperty("run").GetProperty("Planned").GetInt32() > 0, first.Output);
        Assert.Contains("rule-based scores stand", document.RootElement.GetProperty("judge").GetString(), StringComparison.Ordinal);
        using var again = JsonDocument.Parse(second.Output);
        Assert.Equal(0, again.RootElement.GetProperty("run").GetProperty("Planned").GetInt32());
    }

    [Fact]
    public async Task An_unknown_kind_or_act_is_an_error_saying_why()
    {
        var kind = await IndexerProcess.RunAsync("findings", "--db", samples.Db, "--kind", "contradiction");
        var act = await IndexerProcess.RunAsync("findings", "--db", samples.Db, "--act", "Z0000000000");

        Assert.Equal(2, kind.ExitCode);
        Assert.Contains("Unknown finding kind 'contradiction'", kind.Errors, StringComparison.Ordinal);
        Assert.Equal(2, act.ExitCode);
        Assert.Contains("no current edition in force of act 'Z0000000000'", act.Errors, StringComparison.Ordinal);
    }
}
