using Assistant.Core.Findings;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Findings;

/// <summary>
/// The corpus-wide analysis over one catalog file: the corpus it reads, the store it writes, its run log, and the
/// pair-based detectors (duplicates, conflicts), which share one set of candidate pairs per run.
/// </summary>
public sealed class FindingEngine : IDisposable
{
    private readonly ILoggerFactory _loggers;

    private FindingEngine(string path, ILoggerFactory loggers)
    {
        _loggers = loggers;
        Corpus = FindingCorpus.Open(path);
        Store = FindingStore.Open(path);
        Log = FindingRunLog.Open(path);
        Pairs = new NormPairs(Corpus, loggers.CreateLogger<NormPairs>());
    }

    public FindingCorpus Corpus { get; }

    public FindingStore Store { get; }

    public FindingRunLog Log { get; }

    public NormPairs Pairs { get; }

    /// <exception cref="InvalidDataException">The file is not a RagLegal catalog of this schema version.</exception>
    public static FindingEngine Open(string path, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        return new FindingEngine(path, loggers);
    }

    /// <summary>The detectors of the pair-based kinds.</summary>
    public IReadOnlyList<IFindingDetector> PairDetectors() => [new DuplicateDetector(Pairs, Corpus), new ConflictDetector(Pairs, Corpus)];

    /// <summary>The analysis over the pair-based detectors and <paramref name="others"/> (gaps, broken references).</summary>
    public FindingsAnalysis Analysis(IEnumerable<IFindingDetector> others) =>
        new([.. PairDetectors(), .. others], Store, Log, Corpus, Pairs, _loggers.CreateLogger<FindingsAnalysis>());

    public void Dispose()
    {
        Log.Dispose();
        Store.Dispose();
        Corpus.Dispose();
    }
}
