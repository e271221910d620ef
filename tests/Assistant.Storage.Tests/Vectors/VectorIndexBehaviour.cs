using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Tests.Vectors;

/// <summary>
/// What every <see cref="IVectorIndex"/> must do. A store's test class derives from this and implements
/// <see cref="CreateIndexAsync"/> (and <see cref="DropIndexAsync"/> when its storage outlives the test); a class
/// that needs a server marks itself <see cref="RequiresEnvironmentAttribute"/> to be skipped where none is.
/// </summary>
public abstract class VectorIndexBehaviour : IAsyncLifetime
{
    private const string Model = "behaviour-test-model";
    private const string LabourCode = "K1500000414";
    private const string CriminalCode = "K1400000226";
    private const string Decree = "U2500000881";

    private static readonly VectorIndexShape Shape = new(4, Model);
    private static readonly IComparer<VectorKey> KeyOrder = Comparer<VectorKey>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));

    private readonly List<IVectorIndex> _created = [];

    /// <summary>
    /// An index over new, empty storage that no other index uses, not yet ensured: the tests call
    /// <see cref="IVectorIndex.EnsureAsync"/> themselves. <paramref name="shape"/> is what they will ensure, for
    /// stores that must know it when they open.
    /// </summary>
    protected abstract Task<IVectorIndex> CreateIndexAsync(VectorIndexShape shape);

    /// <summary>Removes the storage of an index made by <see cref="CreateIndexAsync"/>; called once per index after each test.</summary>
    protected virtual Task DropIndexAsync(IVectorIndex index) => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var index in _created)
        {
            await DropIndexAsync(index);
        }
    }

    [VectorIndexFact]
    public async Task A_new_index_has_no_shape_until_ensured_and_then_reports_it()
    {
        var index = await CreateIndexAsync(Shape);
        _created.Add(index);

        var before = await index.GetInfoAsync(CancellationToken.None);
        await index.EnsureAsync(Shape, CancellationToken.None);
        var after = await index.GetInfoAsync(CancellationToken.None);

        Assert.Equal(new VectorIndexInfo(index.Store, 0, null), before);
        Assert.Equal(new VectorIndexInfo(index.Store, 0, Shape), after);
    }

    [VectorIndexFact]
    public async Task Ensure_again_with_the_same_shape_keeps_the_points()
    {
        var index = await OpenAsync();
        await index.UpsertAsync([Point(LabourCode, "1", Language.Ru, 1, 0, 0, 0)], CancellationToken.None);

        await index.EnsureAsync(Shape, CancellationToken.None);

        Assert.Equal(1, (await index.GetInfoAsync(CancellationToken.None)).Count);
    }

    [VectorIndexFact]
    public async Task Ensure_refuses_another_model()
    {
        var index = await OpenAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => index.EnsureAsync(Shape with { Model = "another-model" }, CancellationToken.None));
    }

    [VectorIndexFact]
    public async Task Ensure_refuses_other_dimensions()
    {
        var index = await OpenAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => index.EnsureAsync(Shape with { Dimensions = 8 }, CancellationToken.None));
    }

    [VectorIndexFact]
    public async Task Search_orders_hits_by_cosine_similarity_and_scores_them_by_it()
    {
        var index = await OpenAsync();
        var query = Unit(1, 0, 0, 0);
        VectorPoint[] points =
        [
            Point(LabourCode, "1", Language.Ru, 0, 1, 0, 0),
            Point(LabourCode, "2", Language.Ru, 1, 0.2f, 0, 0),
            Point(LabourCode, "3", Language.Ru, 1, 1, 0, 0),
            Point(LabourCode, "4", Language.Ru, -1, 0, 0.1f, 0),
        ];
        await index.UpsertAsync(points, CancellationToken.None);

        var hits = await index.SearchAsync(new VectorQuery(query, 4, VectorFilter.None), CancellationToken.None);

        Assert.Equal(["2", "3", "1", "4"], hits.Select(h => h.Key.NormId.Article));
        foreach (var hit in hits)
        {
            var stored = points.Single(p => p.Key == hit.Key);
            Assert.Equal(Cosine(query, stored.Dense), hit.Score, 4);
            Assert.Equal(LabourCode, hit.ActId);
        }
    }

    [VectorIndexFact]
    public async Task Top_bounds_the_number_of_hits()
    {
        var index = await OpenAsync();
        await index.UpsertAsync(
            [.. Enumerable.Range(1, 6).Select(i => Point(LabourCode, $"{i}", Language.Ru, 1, i, 0, 0))],
            CancellationToken.None);

        var two = await index.SearchAsync(new VectorQuery(Unit(1, 0, 0, 0), 2, VectorFilter.None), CancellationToken.None);
        var all = await index.SearchAsync(new VectorQuery(Unit(1, 0, 0, 0), 50, VectorFilter.None), CancellationToken.None);

        Assert.Equal(["1", "2"], two.Select(h => h.Key.NormId.Article));
        Assert.Equal(6, all.Count);
    }

    [VectorIndexFact]
    public async Task Upsert_replaces_the_point_of_the_same_key()
    {
        var index = await OpenAsync();
        var first = Point(LabourCode, "1", Language.Ru, 1, 0, 0, 0) with { Payload = Payload(LabourCode) with { ContentHash = "first" } };
        var second = Point(LabourCode, "1", Language.Ru, 0, 0, 1, 0) with { Payload = Payload(LabourCode) with { ContentHash = "second" } };
        await index.UpsertAsync([first, Point(LabourCode, "2", Language.Ru, 0, 1, 0, 0)], CancellationToken.None);

        await index.UpsertAsync([second], CancellationToken.None);

        var listed = await ListAsync(index);
        Assert.Equal(2, listed.Count);
        Assert.Equal("second", listed.Single(s => s.Key == first.Key).ContentHash);
        var hit = (await index.SearchAsync(new VectorQuery(Unit(0, 0, 1, 0), 1, VectorFilter.None), CancellationToken.None)).Single();
        Assert.Equal(first.Key, hit.Key);
        Assert.Equal(1, hit.Score, 4);
    }

    [VectorIndexFact]
    public async Task Delete_removes_the_given_keys_only_and_ignores_unknown_ones()
    {
        var index = await OpenAsync();
        var kept = Point(LabourCode, "1", Language.Ru, 1, 0, 0, 0);
        var removed = Point(LabourCode, "2", Language.Ru, 0, 1, 0, 0);
        var otherLanguage = Point(LabourCode, "2", Language.Kk, 0, 1, 0, 0);
        await index.UpsertAsync([kept, removed, otherLanguage], CancellationToken.None);

        await index.DeleteAsync([removed.Key, new VectorKey(new NormId(Decree, "9"), Language.Ru)], CancellationToken.None);

        Assert.Equal(new[] { kept.Key, otherLanguage.Key }.Order(KeyOrder), (await ListAsync(index)).Select(s => s.Key).Order(KeyOrder));
    }

    [VectorIndexFact]
    public async Task Delete_act_removes_every_language_of_that_act_only()
    {
        var index = await OpenAsync();
        await index.UpsertAsync(
            [
                Point(LabourCode, "1", Language.Ru, 1, 0, 0, 0),
                Point(LabourCode, "1", Language.Kk, 1, 0, 0, 0),
                Point(CriminalCode, "1", Language.Ru, 0, 1, 0, 0),
            ],
            CancellationToken.None);

        await index.DeleteActAsync(LabourCode, CancellationToken.None);

        Assert.Equal([CriminalCode], (await ListAsync(index)).Select(s => s.ActId));
        Assert.Equal(1, (await index.GetInfoAsync(CancellationToken.None)).Count);
    }

    [VectorIndexFact]
    public async Task List_returns_every_key_with_its_act_and_content_hash()
    {
        var index = await OpenAsync();
        VectorPoint[] points = [.. Enumerable.Range(1, 7).Select(i => Point(i % 2 == 0 ? LabourCode : Decree, $"{i}", Language.Kk, 1, i, 0, 0))];
        await index.UpsertAsync(points, CancellationToken.None);

        var listed = await ListAsync(index);

        Assert.Equal(
            points.Select(p => new StoredVector(p.Key, p.Payload.ActId, p.Payload.ContentHash)).OrderBy(s => s.Key, KeyOrder),
            listed.OrderBy(s => s.Key, KeyOrder));
    }

    [VectorIndexFact]
    public async Task Filter_by_language_keeps_that_language()
    {
        var hits = await SearchFilteredAsync(new VectorFilter { Language = Language.Kk });

        Assert.All(hits, hit => Assert.Equal(Language.Kk, hit.Key.Language));
        Assert.Equal(2, hits.Count);
    }

    [VectorIndexFact]
    public async Task Filter_by_acts_keeps_those_acts()
    {
        var hits = await SearchFilteredAsync(new VectorFilter { ActIds = [CriminalCode, Decree] });

        Assert.Equal([CriminalCode, Decree], hits.Select(h => h.ActId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(4, hits.Count);
    }

    [VectorIndexFact]
    public async Task Filter_by_kind_keeps_that_kind()
    {
        var hits = await SearchFilteredAsync(new VectorFilter { Kind = ActKind.Decree });

        Assert.Equal([Decree], hits.Select(h => h.ActId).Distinct());
    }

    [VectorIndexFact]
    public async Task Filter_in_force_only_keeps_active_norms_of_acts_in_force_or_of_unknown_status()
    {
        var hits = await SearchFilteredAsync(new VectorFilter { InForceOnly = true });

        Assert.Equal(
            ["kk|K1500000414/art:1", "ru|K1500000414/art:1", "ru|U2500000881/p:1"],
            hits.Select(h => h.Key.ToString()).Order(StringComparer.Ordinal));
    }

    [VectorIndexFact]
    public async Task Filters_combine()
    {
        var hits = await SearchFilteredAsync(new VectorFilter { Language = Language.Ru, ActIds = [LabourCode, CriminalCode], InForceOnly = true });

        Assert.Equal(["ru|K1500000414/art:1"], hits.Select(h => h.Key.ToString()));
    }

    [VectorIndexFact]
    public async Task A_query_with_a_sparse_vector_still_honours_top_and_the_filter()
    {
        var index = await OpenAsync();
        await index.UpsertAsync(FilterFixture(), CancellationToken.None);
        var query = new VectorQuery(Unit(1, 1, 1, 1), 2, new VectorFilter { Language = Language.Ru }, new SparseVector([7, 11], [1, 1]));

        var hits = await index.SearchAsync(query, CancellationToken.None);

        Assert.InRange(hits.Count, 1, 2);
        Assert.All(hits, hit => Assert.Equal(Language.Ru, hit.Key.Language));
        Assert.Equal(hits.Count, hits.Select(h => h.Key).Distinct().Count());
    }

    private async Task<IVectorIndex> OpenAsync()
    {
        var index = await CreateIndexAsync(Shape);
        _created.Add(index);
        await index.EnsureAsync(Shape, CancellationToken.None);
        return index;
    }

    private async Task<IReadOnlyList<VectorHit>> SearchFilteredAsync(VectorFilter filter)
    {
        var index = await OpenAsync();
        await index.UpsertAsync(FilterFixture(), CancellationToken.None);
        return await index.SearchAsync(new VectorQuery(Unit(1, 1, 1, 1), 10, filter), CancellationToken.None);
    }

    /// <summary>Seven norms across languages, acts, kinds and statuses; each filter keeps a different subset.</summary>
    private static VectorPoint[] FilterFixture() =>
    [
        Point(LabourCode, "1", Language.Ru, 1, 0, 0, 0, sparse: new SparseVector([7], [1])),
        Point(LabourCode, "1", Language.Kk, 1, 0.1f, 0, 0),
        Point(LabourCode, "2", Language.Ru, 0.9f, 0, 0.3f, 0) with { Payload = Payload(LabourCode) with { NormStatus = NormStatus.Excluded } },
        Point(CriminalCode, "1", Language.Ru, 0, 1, 0, 0, sparse: new SparseVector([11], [1])) with { Payload = Payload(CriminalCode) with { ActStatus = ActStatus.Repealed } },
        Point(CriminalCode, "2", Language.Kk, 0, 1, 0.2f, 0) with { Payload = Payload(CriminalCode) with { ActStatus = ActStatus.Expired } },
        new(new VectorKey(new NormId(Decree, point: "1"), Language.Ru), Payload(Decree) with { Kind = ActKind.Decree, ActStatus = ActStatus.Unknown }, Unit(0, 0, 1, 0)),
        new(new VectorKey(new NormId(Decree, point: "2"), Language.Ru), Payload(Decree) with { Kind = ActKind.Decree, ActStatus = ActStatus.Repealed }, Unit(0, 0, 0, 1)),
    ];

    private static VectorPoint Point(string actId, string article, Language language, float x, float y, float z, float w, SparseVector? sparse = null)
    {
        var key = new VectorKey(new NormId(actId, article), language);
        return new VectorPoint(key, Payload(actId) with { ContentHash = $"hash-{key}" }, Unit(x, y, z, w), sparse);
    }

    private static VectorPayload Payload(string actId) => new(actId, ActKind.Code, ActStatus.InForce, NormStatus.Active, $"hash-{actId}");

    private static float[] Unit(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / norm)];
    }

    private static double Cosine(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a.Span[i] * b.Span[i];
            normA += a.Span[i] * a.Span[i];
            normB += b.Span[i] * b.Span[i];
        }

        return dot / Math.Sqrt(normA * normB);
    }

    private static async Task<List<StoredVector>> ListAsync(IVectorIndex index)
    {
        var listed = new List<StoredVector>();
        await foreach (var stored in index.ListAsync(CancellationToken.None))
        {
            listed.Add(stored);
        }

        return listed;
    }
}
