using Assistant.Core.Vectors;
using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

/// <summary>The shared behaviour of vector stores, over the embedded index in both element types.</summary>
public abstract class EmbeddedVectorIndexBehaviourTests(VectorElementType elementType) : VectorIndexBehaviour
{
    private readonly List<string> _folders = [];

    protected override Task<IVectorIndex> CreateIndexAsync(VectorIndexShape shape)
    {
        var folder = Path.Combine(Path.GetTempPath(), "raglegal-behaviour-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return Task.FromResult<IVectorIndex>(EmbeddedVectorIndex.Open(new EmbeddedVectorIndexOptions { Folder = folder, ElementType = elementType }));
    }

    protected override Task DropIndexAsync(IVectorIndex index)
    {
        ((EmbeddedVectorIndex)index).Dispose();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed class EmbeddedFloat32VectorIndexBehaviourTests() : EmbeddedVectorIndexBehaviourTests(VectorElementType.Float32);

public sealed class EmbeddedInt8VectorIndexBehaviourTests() : EmbeddedVectorIndexBehaviourTests(VectorElementType.Int8);
