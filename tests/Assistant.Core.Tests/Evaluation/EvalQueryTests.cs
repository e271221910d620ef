using Assistant.Core.Acts;
using Assistant.Core.Evaluation;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Evaluation;

public sealed class EvalQueryTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    [Fact]
    public void Reads_gold_norms_and_drops_gold_entries_without_an_act()
    {
        File.WriteAllLines(_path,
        [
            """{"id":"a","question":"Что будет если я украду яблоко?","lang":"ru","gold":[{"act":"K1400000226","article":"188"}]}""",
            "",
            """{"id":"b","question":"Сұрақ","lang":"kk","gold":[{"act":null}]}""",
        ]);

        var queries = EvalQuery.ReadAll(_path);

        Assert.Equal(2, queries.Count);
        Assert.Equal(new GoldNorm("K1400000226", "188"), Assert.Single(queries[0].Gold));
        Assert.Equal(Language.Kk, queries[1].Language);
        Assert.Empty(queries[1].Gold);
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_line_number()
    {
        File.WriteAllLines(_path, ["""{"id":"a","question":"q","lang":"ru","gold":[]}""", "{not json"]);

        var error = Assert.Throws<FormatException>(() => EvalQuery.ReadAll(_path));

        Assert.Contains($"{_path}:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_language_is_reported()
    {
        File.WriteAllLines(_path, ["""{"id":"a","question":"q","lang":"en","gold":[]}"""]);

        var error = Assert.Throws<FormatException>(() => EvalQuery.ReadAll(_path));

        Assert.Contains("\"lang\" must be \"ru\" or \"kk\"", error.Message, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Every_shared_eval_file_parses()
    {
        foreach (var file in Directory.GetFiles(SharedData.Path("eval"), "*.jsonl"))
        {
            Assert.NotEmpty(EvalQuery.ReadAll(file));
        }
    }

    public void Dispose() => File.Delete(_path);
}
