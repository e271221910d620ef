namespace Assistant.Core.Vectors;

/// <summary>
/// A store of norm vectors: the embedded on-disk index or Qdrant (Assistant.Storage). Writes are durable when the
/// returned task completes; a failed write leaves what was stored before.
/// </summary>
public interface IVectorIndex
{
    /// <summary>"embedded" or "qdrant".</summary>
    string Store { get; }

    /// <summary>Creates the index for this shape, or checks that the existing one has it.</summary>
    /// <exception cref="InvalidOperationException">The index holds vectors of other dimensions or another model.</exception>
    Task EnsureAsync(VectorIndexShape shape, CancellationToken cancellationToken);

    /// <summary>Adds points, replacing those with the same keys.</summary>
    Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken);

    /// <summary>Removes these keys; unknown keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken);

    /// <summary>Removes every point of an act (in all languages).</summary>
    Task DeleteActAsync(string actId, CancellationToken cancellationToken);

    /// <summary>Every stored key with its content hash, in no particular order.</summary>
    IAsyncEnumerable<StoredVector> ListAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken);

    Task<VectorIndexInfo> GetInfoAsync(CancellationToken cancellationToken);
}
