using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Vectors;

/// <summary>What a point carries besides its vectors: the catalog facts that searches filter on.</summary>
/// <param name="ContentHash">Hash of the embedded text and the model that embedded it: unchanged norms are not embedded again.</param>
/// <param name="Edition">The edition whose text was embedded (a norm unchanged in a later edition keeps it); null when the source names none. Stores may keep it or not.</param>
public sealed record VectorPayload(string ActId, ActKind Kind, ActStatus ActStatus, NormStatus NormStatus, string ContentHash, string? Edition = null);

/// <summary>A sparse vector: term ids (ascending, distinct) with their weights.</summary>
public sealed record SparseVector(int[] Indices, float[] Values);

/// <summary>One norm's vectors. <paramref name="Dense"/> is L2-normalised; <paramref name="Sparse"/> is for stores that keep a lexical side of their own (Qdrant).</summary>
public sealed record VectorPoint(VectorKey Key, VectorPayload Payload, ReadOnlyMemory<float> Dense, SparseVector? Sparse = null);
