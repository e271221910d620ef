using Assistant.Storage.Qdrant;
using Assistant.Storage.Vectors;

namespace Assistant.Storage.Retrieval;

/// <summary>Which vector store holds the norm vectors (configuration section "Vectors").</summary>
public sealed record VectorStoreOptions
{
    public const string Section = "Vectors";

    /// <summary>"embedded" (a folder beside the catalog), "qdrant" or "none" (lexical search only).</summary>
    public string Store { get; init; } = "embedded";

    /// <summary>The embedded index's folder.</summary>
    public string Path { get; init; } = "data/vectors";

    /// <summary>How the embedded index stores vectors; fixed when it is created.</summary>
    public VectorElementType Precision { get; init; } = VectorElementType.Int8;

    /// <summary>How often a searching process (the API) checks whether the indexer wrote the embedded index.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    public QdrantOptions Qdrant { get; init; } = new();
}
