using Assistant.Core.Retrieval;
using Assistant.Core.Vectors;
using Assistant.Storage.Qdrant;
using Assistant.Storage.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Retrieval;

/// <summary>The configured vector index with what it owns (the embedded index's maps, Qdrant's gRPC channel).</summary>
public sealed class VectorStore : IDisposable
{
    private readonly IDisposable _owned;

    private VectorStore(IVectorIndex index, IDisposable owned)
    {
        Index = index;
        _owned = owned;
    }

    public IVectorIndex Index { get; }

    /// <summary>Qdrant keeps a BM25 sparse side of its own: it wants each norm's and each question's sparse vector.</summary>
    public bool KeepsSparse => Index is QdrantVectorIndex;

    /// <summary>Ranking over this store's vectors, with questions' sparse vectors for a store that keeps them.</summary>
    public NormRanking Ranking(FusionOptions fusion, IEmbeddingGenerator<string, Embedding<float>> embedder) =>
        new(fusion, Index, embedder, KeepsSparse ? question => Bm25SparseEncoder.EncodeQuery(question) : null);

    /// <summary>Opens the store the options name; null for "none".</summary>
    /// <param name="readOnly">For a process that only searches while the indexer may write: the embedded index then follows its writes (<see cref="EmbeddedVectorIndex.RefreshAsync"/>).</param>
    /// <exception cref="ArgumentException">An unknown store or an invalid setting; the message names it.</exception>
    public static VectorStore? Open(VectorStoreOptions options, ILoggerFactory loggers, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        switch (options.Store.Trim().ToLowerInvariant())
        {
            case "none":
                return null;
            case "embedded":
                var embedded = EmbeddedVectorIndex.Open(
                    new EmbeddedVectorIndexOptions { Folder = options.Path, ElementType = options.Precision, ReadOnly = readOnly },
                    loggers.CreateLogger<EmbeddedVectorIndex>());
                return new VectorStore(embedded, embedded);
            case "qdrant":
                var qdrant = new QdrantVectorIndex(options.Qdrant, loggers.CreateLogger<QdrantVectorIndex>());
                return new VectorStore(qdrant, qdrant);

            default:
                throw new ArgumentException($"Vectors:Store is '{options.Store}'; it must be embedded, qdrant or none.", nameof(options));
        }
    }

    public void Dispose() => _owned.Dispose();
}
