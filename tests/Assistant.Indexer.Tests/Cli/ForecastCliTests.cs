using System.Text.Json;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>indexer draft forecast over a catalog of the Labour code, whose articles refer to each other.</summary>
public sealed class ForecastCliTests
{
    private const string Repeal = """
        О внесении изменения в Трудовой кодекс Республики Казахстан

        Статья 1. Внести в Трудовой кодекс Республики Казахстан от 23 ноября 2015 года следующее изменение:
        1) статью 122 исключить;

        Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
        """;

    [SharedFact]
    public async Task Forecast_of_a_repeal_lists_the_norms_left_pointing_at_nothing_and_writes_the_report()
    {
        var folder = await LabourFolderAsync();
        try
        {
            var (db, draft, report) = (Path.Combine(folder.FullName, "catalog.db"), Path.Combine(folder.FullName, "draft.txt"), Path.Combine(folder.FullName, "report.html"));

            var run = await IndexerProcess.RunAsync("draft", "forecast", draft, "--db", db, "--json", "--out", report);

            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Output);
            var root = json.RootElement;
            Assert.Equal(["title", "lang", "acts", "affected", "dependents", "brokenReferences", "terms", "findings", "followUps", "conflicts", "narrative"], root.EnumerateObject().Select(p => p.Name));
            var affected = Assert.Single(root.GetProperty("affected").EnumerateArray());
            Assert.Equal(("K1500000414/art:122", "repealed"), (affected.GetProperty("id").GetString(), affected.GetProperty("change").GetString()));
            var broken = root.GetProperty("brokenReferences").EnumerateArray().ToList();
            Assert.NotEmpty(broken);
            Assert.All(broken, b => Assert.StartsWith("K1500000414/art:122", b.GetProperty("target").GetString(), StringComparison.Ordinal));
            Assert.All(broken, b => Assert.Contains(b.GetProperty("reference").GetString()!, b.GetProperty("sentence").GetString(), StringComparison.Ordinal));
            Assert.Empty(root.GetProperty("findings").EnumerateArray());
            Assert.False(root.GetProperty("narrative").GetProperty("present").GetBoolean());
            var html = await File.ReadAllTextAsync(report);
            Assert.Contains($"Broken references ({broken.Count})", html, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [SharedFact]
    public async Task With_a_model_the_forecast_has_an_ai_written_narrative_and_the_word_report_says_so()
    {
        var folder = await LabourFolderAsync();
        try
        {
            var (db, draft, report) = (Path.Combine(folder.FullName, "catalog.db"), Path.Combine(folder.FullName, "draft.txt"), Path.Combine(folder.FullName, "report.docx"));

            var run = await IndexerProcess.RunAsync("draft", "forecast", draft, "--db", db, "--json", "--out", report, "--chat-model", SharedData.Path("models", "stories260K.gguf"), "--threads", "1");

            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Output);
            var narrative = json.RootElement.GetProperty("narrative");
            Assert.True(narrative.GetProperty("present").GetBoolean(), narrative.ToString());
            Assert.True(narrative.GetProperty("aiGenerated").GetBoolean());
            Assert.Equal("stories260K", narrative.GetProperty("model").GetString());
            Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(report))[..2]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_report_in_another_format_is_refused_by_name()
    {
        var draft = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(draft, Repeal);

            var run = await IndexerProcess.RunAsync("draft", "forecast", draft, "--db", Path.Combine(Path.GetTempPath(), "no-such-catalog.db"), "--out", "report.pdf");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("reports are written as .html or .docx", run.Errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(draft);
        }
    }

    /// <summary>A folder holding the repeal draft and a catalog of the Labour code.</summary>
    private static async Task<DirectoryInfo> LabourFolderAsync()
    {
        var folder = Directory.CreateTempSubdirectory("raglegal-forecast-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "draft.txt"), Repeal);
        Assert.Equal(0, (await IndexerProcess.RunAsync("ingest", SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt"), "--db", Path.Combine(folder.FullName, "catalog.db"))).ExitCode);
        return folder;
    }
}
