using Assistant.Core.Vectors;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Qdrant point ids are unsigned integers or UUIDs; a vector key becomes a UUIDv5 of its text form, so re-ingesting a
/// norm overwrites its point instead of adding another.
/// </summary>
internal static class QdrantPointIds
{
    /// <summary>The project's namespace: UUIDv5 of the URL namespace and "urn:raglegal:vector-key". Never change it: every stored id depends on it.</summary>
    public static readonly Guid Namespace = new("1f7d6eaa-caf5-5049-8848-a97fcaacbed0");

    public static Guid For(VectorKey key) => NameBasedUuid.Version5(Namespace, key.ToString());
}
