using System.Diagnostics;
using System.Threading.Channels;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Ingestion;

/// <summary>
/// Ingests sources into the catalog in two stages: parser workers read files into acts, one writer saves
/// each act in its own transaction. A failed file or record is reported and skipped; it never touches what
/// is already in the catalog. A catalog that refuses writes (a full disk) stops the run at the act it refused.
/// </summary>
public sealed class IngestionPipeline
{
    private readonly LegalCatalog _catalog;
    private readonly ILogger<IngestionPipeline> _logger;
    private readonly int _parserWorkers;

    public IngestionPipeline(LegalCatalog catalog, ILogger<IngestionPipeline> logger, int parserWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parserWorkers, 1);
        _catalog = catalog;
        _logger = logger;
        _parserWorkers = parserWorkers;
    }

    public async Task<IngestSummary> RunAsync(SourceSelection selection, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var stopwatch = Stopwatch.StartNew();
        var summary = new IngestSummary
        {
            Files = selection.Files.Count,
            Bytes = selection.Files.Sum(f => f.Length),
            PassedOver = selection.PassedOver,
        };
        foreach (var path in selection.PassedOver)
        {
            _logger.LogInformation("Passed over {Path}: only .txt, .jsonl and .jsonl.gz files are ingested", path);
        }

        // Bounded so that fast parsers cannot pile parsed acts up in memory ahead of the writer.
        var readings = Channel.CreateBounded<ActReading>(new BoundedChannelOptions(256) { SingleReader = true });
        var tracker = new ProgressTracker(summary.Bytes, progress);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = ProduceAsync(selection.Files, readings.Writer, tracker, stopping.Token);
        await foreach (var reading in readings.Reader.ReadAllAsync(cancellationToken))
        {
            Save(reading, summary);
            if (summary.StoppedBy is not null)
            {
                // Every act after it would fail the same way: the parsers stop, the rest is left for the next run.
                await stopping.CancelAsync();
                break;
            }

            tracker.ActDone(summary.Editions);
        }

        await producing;
        if (summary.StoppedBy is null)
        {
            ResolveAcrossActs(summary);
        }

        summary.Elapsed = stopwatch.Elapsed;
        return summary;
    }

    private void ResolveAcrossActs(IngestSummary summary)
    {
        try
        {
            summary.Identity = _catalog.ResolveEditions();
            summary.ReferencesAcrossActs = _catalog.ResolveReferences();
        }
        catch (SqliteException e) when (CatalogWriteFault.Is(e))
        {
            Stop(summary, new IngestFailure(_catalog.Path, null, $"editions and references across acts were not resolved: {CatalogWriteFault.Describe(e)}"));
        }
    }

    private async Task ProduceAsync(IReadOnlyList<SourceFile> files, ChannelWriter<ActReading> writer, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        try
        {
            // Large files first, so that the last worker is not left alone with the biggest one.
            var ordered = files.OrderByDescending(f => f.Length).ToList();
            await Parallel.ForEachAsync(
                ordered,
                new ParallelOptions { MaxDegreeOfParallelism = _parserWorkers, CancellationToken = cancellationToken },
                async (file, token) =>
                {
                    foreach (var reading in ActReader.Read(file, tracker.AddBytes, token))
                    {
                        await writer.WriteAsync(reading, token);
                    }
                });
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    private void Save(ActReading reading, IngestSummary summary)
    {
        switch (reading)
        {
            case ActReading.Parsed parsed:
                try
                {
                    var saved = _catalog.SaveAct(parsed.Act);
                    summary.AddRepairs(parsed.Act.Source ?? parsed.File.Path, parsed.Act.Repairs);
                    summary.AddSaved(saved.ActId, saved.Language, saved.Norms, saved.ReferencesResolved, saved.ReferencesUnresolved);
                }
                catch (SqliteException e) when (CatalogWriteFault.Is(e))
                {
                    Stop(summary, new IngestFailure(parsed.File.Path, null, $"act {parsed.Act.Id} ({parsed.Act.Source}) was not saved: {CatalogWriteFault.Describe(e)}"));
                }
                catch (Exception e) when (e is SqliteException or InvalidDataException)
                {
                    Fail(summary, new IngestFailure(parsed.File.Path, null, $"act {parsed.Act.Id} ({parsed.Act.Source}) was not saved: {e.Message}"));
                }

                break;
            case ActReading.Failed failed:
                Fail(summary, failed.Failure);
                break;
        }
    }

    private void Stop(IngestSummary summary, IngestFailure failure)
    {
        Fail(summary, failure);
        summary.StoppedBy = failure;
    }

    private void Fail(IngestSummary summary, IngestFailure failure)
    {
        summary.AddFailure(failure);
        _logger.LogError("Skipped {Path} line {Line}: {Reason}", failure.Path, failure.Line, failure.Reason);
    }

    /// <summary>Turns bytes read by parallel workers into progress reports.</summary>
    private sealed class ProgressTracker(long totalBytes, IProgress<IngestProgress>? progress)
    {
        private long _bytes;

        public void AddBytes(long bytes) => Interlocked.Add(ref _bytes, bytes);

        public void ActDone(int acts) =>
            progress?.Report(new IngestProgress(Interlocked.Read(ref _bytes), totalBytes, acts));
    }
}

/// <summary>How far an ingest has come: source bytes read and act editions saved.</summary>
public sealed record IngestProgress(long BytesRead, long TotalBytes, int ActsSaved)
{
    public double Fraction => TotalBytes == 0 ? 1 : (double)BytesRead / TotalBytes;
}
