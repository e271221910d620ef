using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;
using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

public sealed class EmbeddedVectorIndexSearchTests
{
    private const int Dimensions = 48;
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<VectorElementType> ElementTypes => new(VectorElementType.Float32, VectorElementType.Int8);

    [Fact]
    public async Task Float32_search_returns_the_brute_force_top_in_order()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(11, Dimensions);
        var points = data.Points(3000);
        await temporary.Index.UpsertAsync(points, None);

        for (var q = 0; q < 20; q++)
        {
            var query = data.Next();
            var expected = points
                .Select(p => (p.Key, Score: Dot(query, p.Dense.Span)))
                .OrderByDescending(p => p.Score)
                .Take(10)
                .ToList();

            var hits = await temporary.Index.SearchAsync(new VectorQuery(query, 10, VectorFilter.None), None);

            Assert.Equal(expected.Select(e => e.Key), hits.Select(h => h.Key));
            Assert.All(hits.Zip(expected), pair => Assert.Equal(pair.Second.Score, pair.First.Score, 4));
        }
    }

    [Fact]
    public async Task Int8_search_finds_at_least_nine_of_the_float32_top_ten()
    {
        using var exact = await TemporaryVectorIndex.CreateAsync(384);
        using var quantised = await TemporaryVectorIndex.CreateAsync(384, VectorElementType.Int8);
        var data = new ClusteredVectors(12, 384, clusters: 32);
        var points = data.Points(5000);
        await exact.Index.UpsertAsync(points, None);
        await quantised.Index.UpsertAsync(points, None);

        var overlaps = new List<double>();
        for (var q = 0; q < 50; q++)
        {
            var query = new VectorQuery(data.Next(), 10, VectorFilter.None);
            var expected = (await exact.Index.SearchAsync(query, None)).Select(h => h.Key).ToHashSet();
            var found = await quantised.Index.SearchAsync(query, None);
            overlaps.Add(found.Count(h => expected.Contains(h.Key)) / 10.0);
        }

        Assert.True(overlaps.Average() >= 0.9, $"mean top-10 overlap {overlaps.Average():F3}");
    }

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public async Task The_language_filter_keeps_only_that_language(VectorElementType elementType)
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions, elementType);
        var data = new ClusteredVectors(13, Dimensions);
        var points = Enumerable.Range(1, 40).SelectMany(a => new[] { data.Point(a, 1, Language.Ru), data.Point(a, 1, Language.Kk) }).ToList();
        await temporary.Index.UpsertAsync(points, None);

        var hits = await temporary.Index.SearchAsync(new VectorQuery(data.Next(), 100, new VectorFilter { Language = Language.Kk }), None);

        Assert.Equal(40, hits.Count);
        Assert.All(hits, hit => Assert.Equal(Language.Kk, hit.Key.Language));
    }

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public async Task The_act_filter_keeps_only_those_acts(VectorElementType elementType)
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions, elementType);
        var data = new ClusteredVectors(14, Dimensions);
        await temporary.Index.UpsertAsync(data.Points(500), None);
        string[] acts = [ClusteredVectors.ActId(2), ClusteredVectors.ActId(7), "K9999999999"];

        var hits = await temporary.Index.SearchAsync(new VectorQuery(data.Next(), 500, new VectorFilter { ActIds = acts }), None);

        Assert.Equal(100, hits.Count);
        Assert.All(hits, hit => Assert.Contains(hit.ActId, acts));
        Assert.All(hits, hit => Assert.Equal(hit.ActId, hit.Key.NormId.ActId));
    }

    [Fact]
    public async Task An_empty_act_list_matches_nothing()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(15, Dimensions);
        await temporary.Index.UpsertAsync(data.Points(20), None);

        var hits = await temporary.Index.SearchAsync(new VectorQuery(data.Next(), 10, new VectorFilter { ActIds = [] }), None);

        Assert.Empty(hits);
    }

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public async Task The_kind_filter_keeps_only_that_kind(VectorElementType elementType)
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions, elementType);
        var data = new ClusteredVectors(16, Dimensions);
        var kinds = new[] { ActKind.Code, ActKind.Law, ActKind.Decree };
        var points = Enumerable.Range(1, 60).Select(a => data.Point(a, 1, kind: kinds[a % 3])).ToList();
        await temporary.Index.UpsertAsync(points, None);

        var hits = await temporary.Index.SearchAsync(new VectorQuery(data.Next(), 100, new VectorFilter { Kind = ActKind.Code }), None);

        Assert.Equal(points.Where(p => p.Payload.Kind == ActKind.Code).Select(p => p.Key).ToHashSet(), hits.Select(h => h.Key).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public async Task In_force_only_drops_repealed_and_expired_acts_and_excluded_norms(VectorElementType elementType)
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions, elementType);
        var data = new ClusteredVectors(17, Dimensions);
        var points = new List<VectorPoint>
        {
            data.Point(1, 1, status: ActStatus.InForce),
            data.Point(2, 1, status: ActStatus.Unknown),
            data.Point(3, 1, status: ActStatus.Repealed),
            data.Point(4, 1, status: ActStatus.Expired),
            data.Point(5, 1, status: ActStatus.InForce, normStatus: NormStatus.Excluded),
        };
        await temporary.Index.UpsertAsync(points, None);

        var hits = await temporary.Index.SearchAsync(new VectorQuery(data.Next(), 10, new VectorFilter { InForceOnly = true }), None);
        var unfiltered = await temporary.Index.SearchAsync(new VectorQuery(data.Next(), 10, VectorFilter.None), None);

        Assert.Equal([points[0].Key, points[1].Key], hits.Select(h => h.Key).OrderBy(k => k.ToString(), StringComparer.Ordinal));
        Assert.Equal(5, unfiltered.Count);
    }

    [Fact]
    public async Task Filters_combine()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(18, Dimensions);
        var points = Enumerable.Range(1, 40)
            .SelectMany(a => new[] { data.Point(a, 1, Language.Ru, status: a % 2 == 0 ? ActStatus.Repealed : ActStatus.InForce), data.Point(a, 1, Language.Kk) })
            .ToList();
        await temporary.Index.UpsertAsync(points, None);
        var filter = new VectorFilter { Language = Language.Ru, InForceOnly = true, ActIds = [ClusteredVectors.ActId(1), ClusteredVectors.ActId(2), ClusteredVectors.ActId(3)] };

        var hits = await temporary.Index.SearchAsync(new VectorQuery(data.Next(), 10, filter), None);

        Assert.Equal([ClusteredVectors.Key(1, 1), ClusteredVectors.Key(3, 1)], hits.Select(h => h.Key).OrderBy(k => k.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_query_of_other_dimensions_is_refused()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        await temporary.Index.UpsertAsync(new ClusteredVectors(19, Dimensions).Points(3), None);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => temporary.Index.SearchAsync(new VectorQuery(new float[Dimensions - 1], 3, VectorFilter.None), None));

        Assert.Contains($"{Dimensions - 1} dimensions", error.Message, StringComparison.Ordinal);
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }
}
