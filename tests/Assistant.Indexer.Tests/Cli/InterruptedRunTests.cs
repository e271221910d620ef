using System.Security.Cryptography;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>
/// The indexer as a real process, killed with SIGKILL while it works or stopped by a full disk, then run again: what
/// it leaves must open, and the run again must end where a clean run ends.
/// </summary>
public sealed class InterruptedRunTests(FaultCorpus corpus) : IClassFixture<FaultCorpus>
{
    /// <summary>SIGXFSZ's exit status as the runtime reports it: 128 + 25.</summary>
    private const int KilledByFileSizeLimit = 153;

    private static readonly string[] ModelFileNames = ["model.onnx", "manifest.json", "tokenizer.gguf"];

    [SharedFact]
    public async Task An_ingest_killed_while_saving_acts_and_run_again_leaves_the_catalog_of_a_clean_run()
    {
        var db = Path.Combine(corpus.Folder("ingest-killed"), "catalog.db");
        using (var ingest = IndexerProcess.Start(FaultCorpus.DebugLogs(), "ingest", corpus.Source, "--db", db))
        {
            // Saved one act; the parser has the next ones ready, so the writer is inside the next act's transaction.
            await ingest.WaitForLogAsync("Saved act");
            Assert.Equal(RunningIndexer.KilledExitCode, (await ingest.KillAsync()).ExitCode);
        }

        Assert.Equal("ok", StoreFingerprint.IntegrityOf(db));
        Assert.True(StoreFingerprint.OfCatalog(db).Count < StoreFingerprint.OfCatalog(corpus.CleanDb).Count);

        var again = await IndexerProcess.RunAsync("ingest", corpus.Source, "--db", db);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(StoreFingerprint.OfCatalog(corpus.CleanDb), StoreFingerprint.OfCatalog(db));
    }

    [SharedFact]
    public async Task An_embed_killed_between_chunks_resumes_and_leaves_the_vectors_of_a_clean_run()
    {
        var vectors = Path.Combine(corpus.Folder("embed-killed"), "vectors");
        using (var embed = IndexerProcess.Start(FaultCorpus.DebugLogs(vectors), FaultCorpus.EmbedArguments(corpus.CleanDb, corpus.CleanModel)))
        {
            await embed.WaitForLogAsync("Wrote vector segment", times: 2);
            Assert.Equal(RunningIndexer.KilledExitCode, (await embed.KillAsync()).ExitCode);
        }

        var again = await IndexerProcess.RunAsync(FaultCorpus.DebugLogs(vectors), FaultCorpus.EmbedArguments(corpus.CleanDb, corpus.CleanModel));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Matches(@"norms\s+\d+ current, \d+ embedded, [1-9]\d* unchanged", again.Output);
        Assert.Equal(
            await StoreFingerprint.OfVectorsAsync(corpus.CleanVectors, FaultCorpus.Dimensions),
            await StoreFingerprint.OfVectorsAsync(vectors, FaultCorpus.Dimensions));
    }

    [SharedFact]
    public async Task A_train_embedder_killed_while_training_or_writing_leaves_no_model_embed_takes_and_the_next_run_writes_the_clean_one()
    {
        var folder = corpus.Folder("train-killed");
        var model = Path.Combine(folder, "model");
        using (var train = IndexerProcess.Start(FaultCorpus.DebugLogs(), corpus.TrainArguments(model)))
        {
            await train.WaitForLogAsync("Training stage Tokenizing started");
            Assert.Equal(RunningIndexer.KilledExitCode, (await train.KillAsync()).ExitCode);
        }

        await AssertNoModelAsync(model);

        // Killed by the kernel in the middle of writing model.onnx (33 MB; the limit is 8 MB): a crash mid-write, on cue.
        var killedWriting = await IndexerProcess.RunWithFileSizeLimitAsync(8 * 1024, killedAtLimit: true, corpus.TrainArguments(model));
        Assert.True(killedWriting.ExitCode == KilledByFileSizeLimit, killedWriting.ToString());
        Assert.Contains("Writing the model to", killedWriting.Errors, StringComparison.Ordinal);
        await AssertNoModelAsync(model);

        var again = await IndexerProcess.RunAsync(corpus.TrainArguments(model));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(ModelFiles(corpus.CleanModel), ModelFiles(model));
        Assert.Equal([model], Directory.GetDirectories(folder).Where(path => !path.EndsWith("vectors", StringComparison.Ordinal)));
    }

    [SharedFact]
    public async Task A_full_disk_stops_ingest_naming_the_file_and_a_run_with_room_leaves_the_catalog_of_a_clean_run()
    {
        var db = Path.Combine(corpus.Folder("ingest-full"), "catalog.db");
        string[] first = ["Z2200000153", "Z2200000155"];
        var earlier = await IndexerProcess.RunAsync(["ingest", .. first.Select(act => Path.Combine(corpus.Source, $"{act}.ru.txt")), "--db", db]);
        Assert.True(earlier.ExitCode == 0, earlier.ToString());
        var saved = StoreFingerprint.OfCatalog(db, first);

        // Room for half a megabyte more: a code's transaction does not fit.
        var full = await IndexerProcess.RunWithFileSizeLimitAsync((new FileInfo(db).Length / 1024) + 512, killedAtLimit: false, "ingest", corpus.Source, "--db", db);

        Assert.True(full.ExitCode == 1, full.ToString());
        Assert.Matches($@"{corpus.Source}/K\d+\.ru\.txt: act K\d+ \(.*\) was not saved: the catalog could not be written \(is the disk full\?\)", full.Output);
        Assert.Contains("stopped    at ", full.Output, StringComparison.Ordinal);
        Assert.Equal("ok", StoreFingerprint.IntegrityOf(db));
        Assert.Equal(saved, StoreFingerprint.OfCatalog(db, first));

        var again = await IndexerProcess.RunAsync("ingest", corpus.Source, "--db", db);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(StoreFingerprint.OfCatalog(corpus.CleanDb), StoreFingerprint.OfCatalog(db));
    }

    /// <summary>The folder holds no model, and embed refuses it rather than taking a half-written one.</summary>
    private async Task AssertNoModelAsync(string model)
    {
        var refused = await IndexerProcess.RunAsync(
            FaultCorpus.DebugLogs(Path.Combine(Path.GetDirectoryName(model)!, "vectors")), "embed", "--db", corpus.CleanDb, "--model", model);
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("is not an embedding model folder", refused.Errors, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ModelFiles(string folder) =>
        ModelFileNames.ToDictionary(
            name => name,
            name => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, name)))));
}
