using Assistant.Core.Vectors;
using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

/// <summary>An embedded vector index in its own temporary folder, deleted afterwards.</summary>
internal sealed class TemporaryVectorIndex : IDisposable
{
    public const string Model = "test-e5";

    public TemporaryVectorIndex(VectorElementType elementType = VectorElementType.Float32, int mergeFactor = 4, int mergeBaseRows = 8192)
    {
        Folder = Path.Combine(Path.GetTempPath(), "raglegal-vectors-" + Guid.NewGuid().ToString("N"));
        Options = new EmbeddedVectorIndexOptions { Folder = Folder, ElementType = elementType, MergeFactor = mergeFactor, MergeBaseRows = mergeBaseRows };
        Index = EmbeddedVectorIndex.Open(Options);
    }

    public string Folder { get; }

    public EmbeddedVectorIndexOptions Options { get; }

    public EmbeddedVectorIndex Index { get; private set; }

    public static async Task<TemporaryVectorIndex> CreateAsync(int dimensions, VectorElementType elementType = VectorElementType.Float32, int mergeFactor = 4, int mergeBaseRows = 8192)
    {
        var temporary = new TemporaryVectorIndex(elementType, mergeFactor, mergeBaseRows);
        await temporary.Index.EnsureAsync(new VectorIndexShape(dimensions, Model), CancellationToken.None);
        return temporary;
    }

    public EmbeddedVectorIndex Reopen()
    {
        Close();
        Index = EmbeddedVectorIndex.Open(Options);
        return Index;
    }

    /// <summary>Releases the maps so that a test can damage the files.</summary>
    public void Close() => Index.Dispose();

    public string[] SegmentFiles() => Directory.GetFiles(Folder, "*.vseg").Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
