using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>
/// A slice of ../shared/corpus (two codes and three laws, seconds to ingest), and what clean runs of ingest,
/// train-embedder and embed make of it: the stores a run that was killed or ran out of disk must end up equal to.
/// </summary>
public sealed class FaultCorpus : IDisposable
{
    public const int Dimensions = 32;

    /// <summary>Largest first, as ingest saves them: the Criminal Code is saved first.</summary>
    private static readonly string[] Acts = ["K1400000226", "K1500000414", "Z2200000153", "Z2200000155", "Z2400000106"];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("raglegal-faults-");

    public FaultCorpus()
    {
        Source = Directory.CreateDirectory(Path.Combine(_work.FullName, "source")).FullName;
        TrainingSource = Path.Combine(Source, "K1500000414.ru.txt");
        if (!SharedData.IsAvailable)
        {
            return;
        }

        foreach (var act in Acts)
        {
            File.Copy(SharedData.Path("corpus", "adilet", "ru", $"{act}.ru.txt"), Path.Combine(Source, $"{act}.ru.txt"));
        }

        var clean = Folder("clean");
        CleanDb = Path.Combine(clean, "catalog.db");
        CleanModel = Path.Combine(clean, "model");
        CleanVectors = Path.Combine(clean, "vectors");
        Require(IndexerProcess.RunAsync("ingest", Source, "--db", CleanDb));
        Require(IndexerProcess.RunAsync(TrainArguments(CleanModel)));
        Require(IndexerProcess.RunAsync(DebugLogs(CleanVectors), EmbedArguments(CleanDb, CleanModel)));
    }

    public string Source { get; }

    /// <summary>The one act train-embedder learns from.</summary>
    public string TrainingSource { get; }

    public string CleanDb { get; } = string.Empty;

    public string CleanModel { get; } = string.Empty;

    public string CleanVectors { get; } = string.Empty;

    /// <summary>Settings that log every act saved and every vector segment written: what the fault tests wait for.</summary>
    /// <param name="vectors">The vector index's folder, for embed.</param>
    public static Dictionary<string, string> DebugLogs(string? vectors = null)
    {
        var settings = new Dictionary<string, string> { ["RAGLEGAL_Serilog__MinimumLevel__Default"] = "Debug" };
        if (vectors is not null)
        {
            settings["RAGLEGAL_Vectors__Path"] = vectors;
        }

        return settings;
    }

    /// <summary>The model's name comes from its folder's: every run writes to a folder named model.</summary>
    public string[] TrainArguments(string model) =>
        ["train-embedder", "--corpus", TrainingSource, "--out", model, "--vocab", SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf"),
            "--dims", $"{Dimensions}", "--epochs", "1", "--seed", "7"];

    /// <summary>Small chunks, so that embed writes many segments (and merges them) over the slice.</summary>
    public static string[] EmbedArguments(string db, string model) => ["embed", "--db", db, "--model", model, "--chunk", "100"];

    /// <summary>A fresh folder for one test's stores.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(_work.FullName, name)).FullName;

    public void Dispose() => _work.Delete(recursive: true);

    private static void Require(Task<IndexerRun> running)
    {
        var run = running.GetAwaiter().GetResult();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"A clean run failed: {run}");
        }
    }
}
