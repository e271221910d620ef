using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>
/// The samples catalog with its own vector folder and model folder, which the first 'embed' fills with the untrained
/// default model (from ../shared's vocabulary). Environment for every run of a test class.
/// </summary>
public sealed class EmbeddedSamples : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("raglegal-embed-");

    public string Db => Path.Combine(_work.FullName, "catalog.db");

    public string ModelFolder => Path.Combine(_work.FullName, "model");

    public string VectorFolder => Path.Combine(_work.FullName, "vectors");

    /// <summary>The output of the first embed, which wrote the model.</summary>
    internal IndexerRun? FirstEmbed { get; private set; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["RAGLEGAL_Vectors__Path"] = VectorFolder,
        ["RAGLEGAL_Embeddings__Model"] = ModelFolder,
        ["RAGLEGAL_Embeddings__Vocabulary"] = SharedData.IsAvailable ? SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf") : "missing.gguf",
        ["RAGLEGAL_Embeddings__Threads"] = "1",
    };

    public async Task InitializeAsync()
    {
        var ingest = await IndexerProcess.RunAsync("ingest", RepositoryFolders.TestActs, "--db", Db);
        if (ingest.ExitCode != 0)
        {
            throw new InvalidOperationException($"Ingesting samples failed: {ingest}");
        }

        if (SharedData.IsAvailable)
        {
            FirstEmbed = await IndexerProcess.RunAsync(Environment, "embed", "--db", Db);
        }
    }

    public Task DisposeAsync()
    {
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
