using Assistant.Core.Vectors;
using Assistant.Storage.Qdrant;
using Assistant.Storage.Tests.Vectors;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>
/// The shared behaviour against a live Qdrant at QDRANT_URL (QDRANT_API_KEY when it needs one), e.g.
/// <c>docker compose up -d qdrant</c> then <c>QDRANT_URL=http://localhost:6333</c>. Each index is a collection
/// named after this class run, dropped after its test.
/// </summary>
[RequiresEnvironment("QDRANT_URL", "a live Qdrant 1.13+ (docker compose up -d qdrant; QDRANT_URL=http://localhost:6333)")]
public sealed class QdrantVectorIndexBehaviourTests : VectorIndexBehaviour, IDisposable
{
    private static readonly string RunPrefix = $"raglegal_test_{Guid.NewGuid():N}";
    private static int _collections;

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    protected override Task<IVectorIndex> CreateIndexAsync(VectorIndexShape shape)
    {
        var options = new QdrantOptions
        {
            Url = new Uri(Environment.GetEnvironmentVariable("QDRANT_URL")!),
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY") is { Length: > 0 } key ? key : null,
            Collection = $"{RunPrefix}_{Interlocked.Increment(ref _collections)}",
        };
        return Task.FromResult<IVectorIndex>(new QdrantVectorIndex(_http, options));
    }

    protected override Task DropIndexAsync(IVectorIndex index) => ((QdrantVectorIndex)index).DropAsync(CancellationToken.None);
}
