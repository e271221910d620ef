using Assistant.Core.Acts;

namespace Assistant.Core.Vectors;

/// <summary>What a vector search is limited to; null members do not limit.</summary>
public sealed record VectorFilter
{
    public static VectorFilter None { get; } = new();

    public Language? Language { get; init; }

    /// <summary>Only norms of these acts.</summary>
    public IReadOnlyList<string>? ActIds { get; init; }

    public ActKind? Kind { get; init; }

    /// <summary>Only norms not excluded, of acts in force or of unknown status (as lexical search).</summary>
    public bool InForceOnly { get; init; }
}

/// <summary>A nearest-neighbour query by cosine similarity (dot product of normalised vectors).</summary>
/// <param name="Sparse">When the store keeps sparse vectors, it fuses its dense and sparse results (Qdrant: RRF).</param>
public sealed record VectorQuery(ReadOnlyMemory<float> Dense, int Top, VectorFilter Filter, SparseVector? Sparse = null);

/// <param name="Score">Higher is better: cosine similarity, or the store's fused score when it fused.</param>
public sealed record VectorHit(VectorKey Key, string ActId, double Score);

/// <summary>A key with the content hash it was embedded from: what incremental embedding compares.</summary>
public sealed record StoredVector(VectorKey Key, string ActId, string ContentHash);

/// <param name="Model">Name of the embedding model the vectors come from: a store refuses vectors of another model.</param>
public sealed record VectorIndexShape(int Dimensions, string Model);

/// <param name="Shape">Null while the index is empty and was never created.</param>
public sealed record VectorIndexInfo(string Store, long Count, VectorIndexShape? Shape);
