using System.Text.Json;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>train-embedder on one real code, and the model it writes in use by embed and search.</summary>
public sealed class TrainEmbedderCliTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("raglegal-train-");

    public void Dispose() => _work.Delete(recursive: true);

    [SharedFact]
    public async Task A_trained_model_folder_is_written_with_its_report_and_embeds_the_catalog()
    {
        var model = Path.Combine(_work.FullName, "legal");
        var db = Path.Combine(_work.FullName, "catalog.db");
        var labourCode = SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt");
        var environment = new Dictionary<string, string>
        {
            ["RAGLEGAL_Vectors__Path"] = Path.Combine(_work.FullName, "vectors"),
            ["RAGLEGAL_Embeddings__Model"] = model,
            ["RAGLEGAL_Embeddings__Vocabulary"] = SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf"),
        };

        var train = await IndexerProcess.RunAsync(environment, "train-embedder", "--corpus", labourCode, "--out", model, "--dims", "32", "--epochs", "1", "--seed", "7");

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("HeadingBody", train.Output, StringComparison.Ordinal);
        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(model, "manifest.json"))))
        {
            Assert.Equal(32, manifest.RootElement.GetProperty("dimensions").GetInt32());
            Assert.Equal("legal-static-32-seed7", manifest.RootElement.GetProperty("name").GetString());
        }

        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(model, "training-report.json"))))
        {
            Assert.True(report.RootElement.GetProperty("steps").GetInt32() > 0);
        }

        Assert.Equal(0, (await IndexerProcess.RunAsync("ingest", labourCode, "--db", db)).ExitCode);
        var embed = await IndexerProcess.RunAsync(environment, "embed", "--db", db);
        Assert.True(embed.ExitCode == 0, embed.ToString());
        Assert.Contains("legal-static-32-seed7 (32 dims", embed.Output, StringComparison.Ordinal);

        var search = await IndexerProcess.RunAsync(environment, "search", "ежегодный оплачиваемый трудовой отпуск", "--db", db, "--mode", "dense", "--top", "3");
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Contains("K1500000414/art:", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_corpus_path_is_named()
    {
        var run = await IndexerProcess.RunAsync("train-embedder", "--corpus", "/no/such/corpus", "--out", Path.Combine(_work.FullName, "m"), "--vocab", Directory.GetFiles(RepositoryFolders.TestActs)[0]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/corpus", run.Errors, StringComparison.Ordinal);
    }
}
