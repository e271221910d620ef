using Assistant.Core.Vectors;
using Assistant.Storage.Qdrant;
using Assistant.Storage.Tests.Vectors;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>
/// The shared behaviour against a live Qdrant's gRPC endpoint at QDRANT_URL (QDRANT_API_KEY when it needs one),
/// e.g. <c>docker compose up -d qdrant</c> then <c>QDRANT_URL=http://localhost:6334</c>. Each index is a collection
/// named after this class run, dropped after its test.
/// </summary>
[RequiresEnvironment("QDRANT_URL", "a live Qdrant 1.20 gRPC endpoint (docker compose up -d qdrant; QDRANT_URL=http://localhost:6334)")]
public sealed class QdrantVectorIndexBehaviourTests : VectorIndexBehaviour
{
    private static readonly string RunPrefix = $"raglegal_test_{Guid.NewGuid():N}";
    private static int _collections;

    protected override Task<IVectorIndex> CreateIndexAsync(VectorIndexShape shape)
    {
        var options = new QdrantOptions
        {
            Url = new Uri(Environment.GetEnvironmentVariable("QDRANT_URL")!),
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY") is { Length: > 0 } key ? key : null,
            Collection = $"{RunPrefix}_{Interlocked.Increment(ref _collections)}",
        };
        return Task.FromResult<IVectorIndex>(new QdrantVectorIndex(options));
    }

    protected override async Task DropIndexAsync(IVectorIndex index)
    {
        using var qdrant = (QdrantVectorIndex)index;
        await qdrant.DropAsync(CancellationToken.None);
    }
}
