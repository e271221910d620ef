namespace Assistant.Storage.Vectors;

public sealed record EmbeddedVectorIndexOptions
{
    /// <summary>Folder of the index (created when missing), e.g. data/vectors.</summary>
    public required string Folder { get; init; }

    /// <summary>Used when the index is created; an existing index keeps the type it was created with.</summary>
    public VectorElementType ElementType { get; init; } = VectorElementType.Int8;

    /// <summary>This many consecutive segments of the same size tier are merged into one.</summary>
    public int MergeFactor { get; init; } = 4;

    /// <summary>Segments up to this many rows form the lowest size tier.</summary>
    public int MergeBaseRows { get; init; } = 8192;

    /// <summary>
    /// For a process that only searches (the API) while another one writes (indexer embed): it never removes files
    /// the writer may still list, refuses writes, and follows the writer's manifest through
    /// <see cref="EmbeddedVectorIndex.RefreshAsync"/>.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>Hash every segment when the index opens (a full read); off, only sizes are checked.</summary>
    public bool VerifyChecksumsOnOpen { get; init; } = true;
}
