using System.Diagnostics.CodeAnalysis;

namespace Assistant.Storage.Vectors;

/// <summary>How an embedded index stores vector elements; fixed when the index is created.</summary>
[SuppressMessage("Naming", "CA1720:Identifiers should not contain type names", Justification = "Named after the stored formats, as embedding stores name them.")]
public enum VectorElementType
{
    /// <summary>Exact: 4 bytes per dimension.</summary>
    Float32,

    /// <summary>Symmetric int8 with one float scale per vector: a quarter of the size and of the memory traffic.</summary>
    Int8,
}
