using System.Text.RegularExpressions;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

public sealed partial class BenchCliTests
{
    [SharedFact]
    public async Task Bench_llm_prints_figures_per_parallelism_and_a_key_value_last_line()
    {
        var run = await IndexerProcess.RunAsync(
            "bench", "llm", "--model", SharedData.Path("models", "stories260K.gguf"), "--prompt", "16", "--gen", "8", "--parallel", "1,4");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => RoundLine().Match(line) is { Success: true } round && round.Groups["parallel"].Value == "1");
        Assert.Contains(lines, line => RoundLine().Match(line) is { Success: true } round && round.Groups["parallel"].Value == "4");
        Assert.Matches(LastLine(), lines[^1]);
    }

    [SharedFact]
    public async Task Bench_tokenizer_compares_with_llama_cpp_norm_by_norm()
    {
        var run = await IndexerProcess.RunAsync(
            "bench", "tokenizer", "--vocab", SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf"), RepositoryFolders.TestActs, "--limit", "40");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("norms=40 ", lines[0], StringComparison.Ordinal);
        Assert.Matches(TokenizerLastLine(), lines[^1]);
    }

    [NodePeerFact]
    public async Task Bench_embed_on_the_default_model_prints_norms_per_second_and_compares_with_onnxruntime_node()
    {
        var run = await IndexerProcess.RunAsync(
            "bench", "embed", "--dimensions", "8", "--norms", "40", "--batch", "8", "--threads", "1", "--peer", RepositoryFolders.TestActs);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.StartsWith("model=hashed-xlmr-8 dims=8 norms=40 ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("peer onnxruntime-node=1.30.0 ", StringComparison.Ordinal));
        Assert.Matches(EmbedLastLine(), lines[^1]);
    }

    [SharedFact]
    public async Task Bench_embed_without_peer_reports_no_ratio()
    {
        var run = await IndexerProcess.RunAsync("bench", "embed", "--dimensions", "8", "--norms", "10", RepositoryFolders.TestActs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(EmbedAloneLastLine(), run.Output.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Bench_llm_without_a_model_says_what_to_give()
    {
        var run = await IndexerProcess.RunAsync("bench", "llm");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--model", run.Errors, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^round=[0-9]+ parallel=(?<parallel>[0-9]+) prompt_tokens=[0-9]+ prompt_tps=[0-9.]+ gen_tps=[0-9.]+ ")]
    private static partial Regex RoundLine();

    [GeneratedRegex(@"^norms_per_s=[0-9.]+ peer_norms_per_s=[0-9.]+ ratio=[0-9.]+$")]
    private static partial Regex EmbedLastLine();

    [GeneratedRegex(@"^norms_per_s=[0-9.]+ peer_norms_per_s=n/a ratio=n/a$")]
    private static partial Regex EmbedAloneLastLine();

    [GeneratedRegex(@"^identical_share=1\.0000 mbps=[0-9.]+ peer_mbps=[0-9.]+$")]
    private static partial Regex TokenizerLastLine();

    [GeneratedRegex(@"^rounds=[0-9]+ gen_tps=[0-9.]+ peer_gen_tps=n/a ratio=n/a parallel4_aggregate_tps=[0-9.]+ parallel4_speedup=[0-9.]+$")]
    private static partial Regex LastLine();
}
