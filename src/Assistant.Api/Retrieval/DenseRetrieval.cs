using Assistant.Core.Retrieval;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx;
using Assistant.Storage.Qdrant;
using Assistant.Storage.Retrieval;
using Assistant.Storage.Vectors;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace Assistant.Api.Retrieval;

/// <summary>
/// The dense side of retrieval: the configured vector store and embedding model, opened at start-up and followed
/// while the API runs (<see cref="RefreshAsync"/>): the embedded index maps the segments 'indexer embed' writes, and
/// a model folder that appears later is opened. When the vectors or the model are missing or fail, the API ranks
/// lexically and /health/ready says why. The model serves /v1/embeddings whenever it opens, with or without vectors.
/// </summary>
internal sealed partial class DenseRetrieval : IDisposable
{
    private readonly VectorStore? _store;
    private readonly EmbeddingModelOptions _model;
    private readonly FusionOptions _fusion;
    private readonly ILogger _logger;
    private readonly NormRanking _lexical;
    private volatile OnnxEmbeddingGenerator? _embedder;
    private volatile DenseState _state;
    private NormRanking? _dense;
    private string? _modelFailure;
    private DateTime _modelTried;

    public DenseRetrieval(
        IOptions<VectorStoreOptions> vectorOptions,
        IOptions<EmbeddingModelOptions> modelOptions,
        IOptions<FusionOptions> fusionOptions,
        ILoggerFactory loggers)
    {
        _logger = loggers.CreateLogger<DenseRetrieval>();
        _fusion = fusionOptions.Value;
        _model = modelOptions.Value;
        _lexical = new NormRanking(_fusion);
        Store = vectorOptions.Value.Store;
        TryOpenModel();
        try
        {
            // Read-only: the indexer writes the index, the API follows.
            _store = VectorStore.Open(vectorOptions.Value, loggers, readOnly: true);
            _state = _store is null
                ? new DenseState("not configured", "Vectors:Store is none: retrieval is lexical", 0, _lexical)
                : EvaluateAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (_state.State == "ready")
            {
                Ready(_logger, _state.Count, Model!, Store);
            }
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            _store?.Dispose();
            _store = null;
            _state = new DenseState("failed", e.Message, 0, _lexical);
            Failed(_logger, e, Store);
        }
    }

    public NormRanking Ranking => _state.Ranking;

    /// <summary>The embedding model, or null when none is configured or it failed to open.</summary>
    public OnnxEmbeddingGenerator? Embedder => _embedder;

    /// <summary>The configured store: embedded, qdrant or none.</summary>
    public string Store { get; }

    /// <summary>"ready", "not configured", "empty", "no model" or "failed".</summary>
    public string State => _state.State;

    public string Detail => _state.Detail;

    public long Count => _state.Count;

    /// <summary>The embedded index's generation served; null for other stores.</summary>
    public ServedGeneration? Generation => _state.Generation;

    /// <summary>The embedding model's name, when it is open.</summary>
    public string? Model => _embedder?.Folder.Manifest.Name;

    /// <summary>
    /// Catches up with what the indexer wrote since the last call: new segments of the embedded index, a model folder
    /// that was missing. Cheap when nothing changed (a file stamp or two). Searches under way finish on what they had.
    /// </summary>
    /// <exception cref="InvalidDataException">The index on disk is damaged; the vectors served stay as they were.</exception>
    /// <exception cref="IOException">The index folder could not be read; the vectors served stay as they were.</exception>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return;
        }

        var vectorsChanged = _store.Index is EmbeddedVectorIndex embedded && await embedded.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var modelOpened = _embedder is null && TryOpenModel();
        if (!vectorsChanged && !modelOpened)
        {
            return;
        }

        var state = await EvaluateAsync(cancellationToken).ConfigureAwait(false);
        if (state.State != _state.State)
        {
            StateChanged(_logger, _state.State, state.State, state.Detail);
        }

        _state = state;
    }

    public void Dispose()
    {
        _embedder?.Dispose();
        _store?.Dispose();
    }

    private static bool IsStoreFailure(Exception e) =>
        e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or QdrantRequestException or UnauthorizedAccessException;

    /// <summary>What the store holds now, and whether the model open can search it.</summary>
    private async Task<DenseState> EvaluateAsync(CancellationToken cancellationToken)
    {
        var info = await _store!.Index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        var generation = _store.Index is EmbeddedVectorIndex embedded ? new ServedGeneration(embedded.Generation, embedded.SegmentCount) : null;
        if (info.Count == 0)
        {
            return new DenseState("empty", "the vector index holds no vectors: run 'indexer embed'; retrieval is lexical", 0, _lexical, generation);
        }

        if (_embedder is not { } embedder)
        {
            return _modelFailure is null
                ? new DenseState("no model", $"no embedding model at '{_model.Model}' (Embeddings:Model); retrieval is lexical", info.Count, _lexical, generation)
                : new DenseState("failed", _modelFailure, info.Count, _lexical, generation);
        }

        if (info.Shape is { } shape && shape.Model != Model)
        {
            return new DenseState(
                "failed", $"the index holds vectors of model '{shape.Model}', but Embeddings:Model is '{Model}': run 'indexer embed'", info.Count, _lexical, generation);
        }

        _dense ??= _store.Ranking(_fusion, embedder);
        return new DenseState("ready", $"{info.Count} vectors of {Model} in the {info.Store} index", info.Count, _dense, generation);
    }

    /// <summary>Opens the model when its manifest is there and is not the one that already failed to open.</summary>
    private bool TryOpenModel()
    {
        var manifest = new FileInfo(Path.Combine(_model.Model, EmbeddingModelFolder.ManifestFileName));
        if (!manifest.Exists || manifest.LastWriteTimeUtc == _modelTried)
        {
            return false;
        }

        _modelTried = manifest.LastWriteTimeUtc;
        try
        {
            _embedder = OnnxEmbeddingGenerator.Open(_model.Model, _model.GeneratorOptions());
            _modelFailure = null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or OnnxRuntimeException or ExecutionProviderUnavailableException or UnauthorizedAccessException)
        {
            ModelFailed(_logger, e, _model.Model);
            _modelFailure = e.Message;
        }

        return true;
    }

    /// <summary>The manifest generation of the embedded index searches scan, and its segments.</summary>
    public sealed record ServedGeneration(long Generation, int Segments);

    /// <summary>One consistent answer to what dense retrieval can do now; replaced whole.</summary>
    private sealed record DenseState(string State, string Detail, long Count, NormRanking Ranking, ServedGeneration? Generation = null);

    [LoggerMessage(Level = LogLevel.Error, Message = "The embedding model at {Folder} failed to open; retrieval is lexical and /v1/embeddings is unavailable")]
    private static partial void ModelFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dense retrieval ready: {Count} vectors of {Model} in the {Store} index")]
    private static partial void Ready(ILogger logger, long count, string model, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dense retrieval went from {Previous} to {State}: {Detail}")]
    private static partial void StateChanged(ILogger logger, string previous, string state, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Store} vector index or its embedding model failed to open; retrieval is lexical")]
    private static partial void Failed(ILogger logger, Exception exception, string store);
}
