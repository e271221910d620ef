using Assistant.Core.Retrieval;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx;
using Assistant.Storage.Qdrant;
using Assistant.Storage.Retrieval;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace Assistant.Api.Retrieval;

/// <summary>
/// The dense side of retrieval: the configured vector store and embedding model, opened once at start-up. When
/// either is missing or fails, the API ranks lexically and /health/ready says why. The model serves /v1/embeddings
/// whenever it opens, with or without vectors.
/// </summary>
internal sealed partial class DenseRetrieval : IDisposable
{
    private readonly VectorStore? _store;
    private readonly OnnxEmbeddingGenerator? _embedder;

    public DenseRetrieval(
        IOptions<VectorStoreOptions> vectorOptions,
        IOptions<EmbeddingModelOptions> modelOptions,
        IOptions<FusionOptions> fusionOptions,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<DenseRetrieval>();
        var fusion = fusionOptions.Value;
        var model = modelOptions.Value;
        Store = vectorOptions.Value.Store;
        _embedder = OpenModel(model, logger, out var modelFailure);
        try
        {
            _store = VectorStore.Open(vectorOptions.Value, loggers);
            if (_store is null)
            {
                (State, Detail) = ("not configured", "Vectors:Store is none: retrieval is lexical");
                Ranking = new NormRanking(fusion);
                return;
            }

            var info = _store.Index.GetInfoAsync(CancellationToken.None).GetAwaiter().GetResult();
            Count = info.Count;
            if (info.Count == 0)
            {
                (State, Detail) = ("empty", "the vector index holds no vectors: run 'indexer embed'; retrieval is lexical");
                Ranking = new NormRanking(fusion);
                return;
            }

            if (_embedder is null)
            {
                (State, Detail) = modelFailure is null
                    ? ("no model", $"no embedding model at '{model.Model}' (Embeddings:Model); retrieval is lexical")
                    : ("failed", modelFailure);
                Ranking = new NormRanking(fusion);
                return;
            }

            if (info.Shape is { } shape && shape.Model != Model)
            {
                throw new InvalidDataException($"the index holds vectors of model '{shape.Model}', but Embeddings:Model is '{Model}': run 'indexer embed'");
            }

            Ranking = _store.Ranking(fusion, _embedder);
            (State, Detail) = ("ready", $"{info.Count} vectors of {Model} in the {info.Store} index");
            Ready(logger, info.Count, _embedder.Folder.Manifest.Name, info.Store);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException
            or QdrantRequestException or UnauthorizedAccessException)
        {
            _store?.Dispose();
            _store = null;
            (State, Detail) = ("failed", e.Message);
            Ranking = new NormRanking(fusion);
            Failed(logger, e, Store);
        }
    }

    public NormRanking Ranking { get; }

    /// <summary>The embedding model, or null when none is configured or it failed to open.</summary>
    public OnnxEmbeddingGenerator? Embedder => _embedder;

    /// <summary>The configured store: embedded, qdrant or none.</summary>
    public string Store { get; }

    /// <summary>"ready", "not configured", "empty", "no model" or "failed".</summary>
    public string State { get; } = "not configured";

    public string Detail { get; } = string.Empty;

    public long Count { get; }

    /// <summary>The embedding model's name, when it is open.</summary>
    public string? Model => _embedder?.Folder.Manifest.Name;

    public void Dispose()
    {
        _embedder?.Dispose();
        _store?.Dispose();
    }

    private static OnnxEmbeddingGenerator? OpenModel(EmbeddingModelOptions model, ILogger logger, out string? failure)
    {
        failure = null;
        if (!File.Exists(Path.Combine(model.Model, EmbeddingModelFolder.ManifestFileName)))
        {
            return null;
        }

        try
        {
            return OnnxEmbeddingGenerator.Open(model.Model, model.GeneratorOptions());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or OnnxRuntimeException or ExecutionProviderUnavailableException or UnauthorizedAccessException)
        {
            ModelFailed(logger, e, model.Model);
            failure = e.Message;
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The embedding model at {Folder} failed to open; retrieval is lexical and /v1/embeddings is unavailable")]
    private static partial void ModelFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dense retrieval ready: {Count} vectors of {Model} in the {Store} index")]
    private static partial void Ready(ILogger logger, long count, string model, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Store} vector index or its embedding model failed to open; retrieval is lexical")]
    private static partial void Failed(ILogger logger, Exception exception, string store);
}
