using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Core.Vectors;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Tests.Retrieval;

public class NormRankingTests
{
    private static readonly NormId Theft = NormId.Parse("K1400000226/art:188");
    private static readonly NormId Robbery = NormId.Parse("K1400000226/art:190");

    [Fact]
    public async Task Dense_ranking_without_vectors_is_refused_with_what_to_do()
    {
        var ranking = new NormRanking(new FusionOptions());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ranking.RankAsync("кража", _ => [], VectorFilter.None, RetrievalMode.Dense, 10, CancellationToken.None));

        Assert.Contains("indexer embed", error.Message, StringComparison.Ordinal);
        Assert.Equal(RetrievalMode.Lexical, ranking.DefaultMode);
    }

    [Fact]
    public async Task Hybrid_ranking_embeds_the_question_as_a_query_and_passes_the_filter_to_the_index()
    {
        var embedder = new RecordingEmbedder();
        var index = new RecordingIndex([new VectorHit(new VectorKey(Theft, Language.Ru), Theft.ActId, 0.9)]);
        var ranking = new NormRanking(new FusionOptions { LexicalDepth = 7, DenseDepth = 9 }, index, embedder);
        var filter = new VectorFilter { Language = Language.Ru, InForceOnly = true };
        var depths = new List<int>();

        var result = await ranking.RankAsync("кража", depth =>
        {
            depths.Add(depth);
            return [new LexicalCandidate(Robbery, Language.Ru, false), new LexicalCandidate(Theft, Language.Ru, false)];
        }, filter, RetrievalMode.Hybrid, 3, CancellationToken.None);

        Assert.Equal(RetrievalMode.Hybrid, ranking.DefaultMode);
        Assert.Equal([7], depths);
        Assert.Equal(EmbeddingPurpose.Query, embedder.Purpose);
        Assert.Same(filter, index.Query!.Filter);
        Assert.Equal(9, index.Query.Top);
        Assert.Equal([Theft, Robbery], result.Norms.Select(norm => norm.NormId));
    }

    [Fact]
    public async Task Lexical_ranking_never_touches_the_vectors()
    {
        var index = new RecordingIndex([]);
        var ranking = new NormRanking(new FusionOptions(), index, new RecordingEmbedder());

        var result = await ranking.RankAsync("кража", _ => [new LexicalCandidate(Theft, Language.Ru, false)], VectorFilter.None, RetrievalMode.Lexical, 5, CancellationToken.None);

        Assert.Null(index.Query);
        Assert.Equal(Theft, Assert.Single(result.Norms).NormId);
    }

    [Fact]
    public void Vectors_without_an_embedder_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new NormRanking(new FusionOptions(), new RecordingIndex([])));
    }

    private sealed class RecordingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        public EmbeddingPurpose? Purpose { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Purpose = EmbeddingPurposes.Of(options);
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(new float[] { 1, 0 }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class RecordingIndex(IReadOnlyList<VectorHit> hits) : IVectorIndex
    {
        public VectorQuery? Query { get; private set; }

        public string Store => "recording";

        public Task<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken)
        {
            Query = query;
            return Task.FromResult(hits);
        }

        public Task EnsureAsync(VectorIndexShape shape, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeleteAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeleteActAsync(string actId, CancellationToken cancellationToken) => Task.CompletedTask;

        public IAsyncEnumerable<StoredVector> ListAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<StoredVector>();

        public Task<VectorIndexInfo> GetInfoAsync(CancellationToken cancellationToken) => Task.FromResult(new VectorIndexInfo(Store, 0, null));
    }
}
