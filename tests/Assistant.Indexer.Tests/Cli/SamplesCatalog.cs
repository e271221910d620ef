using Assistant.Tests.Support;
namespace Assistant.Indexer.Tests.Cli;

/// <summary>A catalog of the repository's samples/, ingested once for a test class.</summary>
public sealed class SamplesCatalog : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("raglegal-samples-");

    public string Db => Path.Combine(_work.FullName, "catalog.db");

    public string Folder => _work.FullName;

    public async Task InitializeAsync()
    {
        var run = await IndexerProcess.RunAsync("ingest", RepositoryFolders.TestActs, "--db", Db);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"Ingesting samples failed: {run}");
        }
    }

    public Task DisposeAsync()
    {
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
