using Assistant.Core.Acts;
using Assistant.Core.Vectors;
using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

public sealed class EmbeddedVectorIndexWriteTests
{
    private const int Dimensions = 32;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Points_survive_closing_and_reopening_the_index()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(1, Dimensions);
        var points = data.Points(120);
        await temporary.Index.UpsertAsync(points, None);

        var reopened = temporary.Reopen();

        var info = await reopened.GetInfoAsync(None);
        Assert.Equal(new VectorIndexInfo("embedded", 120, new VectorIndexShape(Dimensions, TemporaryVectorIndex.Model)), info);
        var hit = Assert.Single(await reopened.SearchAsync(new VectorQuery(points[7].Dense, 1, VectorFilter.None), None));
        Assert.Equal(points[7].Key, hit.Key);
        Assert.Equal(points[7].Payload.ActId, hit.ActId);
        Assert.Equal(1.0, hit.Score, 4);
    }

    [Fact]
    public async Task Listing_returns_every_key_with_its_content_hash()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var points = new ClusteredVectors(2, Dimensions).Points(75);
        await temporary.Index.UpsertAsync(points, None);

        var listed = await temporary.Index.ListAsync(None).ToListAsync();

        Assert.Equal(
            points.Select(p => new StoredVector(p.Key, p.Payload.ActId, p.Payload.ContentHash)).OrderBy(s => s.Key.ToString(), StringComparer.Ordinal),
            listed.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task Upserting_a_stored_key_replaces_its_vector_and_hash()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(3, Dimensions);
        await temporary.Index.UpsertAsync(data.Points(50), None);
        var replacement = data.Point(1, 10, hash: "changed");

        await temporary.Index.UpsertAsync([replacement], None);

        await AssertReplacedAsync(temporary.Index);
        await AssertReplacedAsync(temporary.Reopen());

        async Task AssertReplacedAsync(EmbeddedVectorIndex index)
        {
            Assert.Equal(50, (await index.GetInfoAsync(None)).Count);
            var listed = await index.ListAsync(None).ToListAsync();
            Assert.Equal("changed", Assert.Single(listed, s => s.Key == replacement.Key).ContentHash);
            var hits = await index.SearchAsync(new VectorQuery(replacement.Dense, 2, VectorFilter.None), None);
            Assert.Equal(replacement.Key, hits[0].Key);
            Assert.Equal(1.0, hits[0].Score, 4);
            Assert.NotEqual(replacement.Key, hits[1].Key);
        }
    }

    [Fact]
    public async Task The_last_of_a_key_repeated_in_one_upsert_wins()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(4, Dimensions);

        await temporary.Index.UpsertAsync([data.Point(1, 1, hash: "first"), data.Point(1, 1, hash: "second")], None);

        var stored = Assert.Single(await temporary.Index.ListAsync(None).ToListAsync());
        Assert.Equal("second", stored.ContentHash);
    }

    [Fact]
    public async Task Deleted_keys_are_no_longer_listed_or_found_and_unknown_keys_are_ignored()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var points = new ClusteredVectors(5, Dimensions).Points(60);
        await temporary.Index.UpsertAsync(points, None);
        var deleted = points.Take(5).Select(p => p.Key).Append(ClusteredVectors.Key(999, 1)).ToList();

        await temporary.Index.DeleteAsync(deleted, None);

        await AssertDeletedAsync(temporary.Index);
        await AssertDeletedAsync(temporary.Reopen());

        async Task AssertDeletedAsync(EmbeddedVectorIndex index)
        {
            var listed = (await index.ListAsync(None).ToListAsync()).Select(s => s.Key).ToHashSet();
            Assert.Equal(55, listed.Count);
            Assert.DoesNotContain(deleted, listed.Contains);
            var hits = await index.SearchAsync(new VectorQuery(points[0].Dense, 60, VectorFilter.None), None);
            Assert.Equal(55, hits.Count);
            Assert.DoesNotContain(hits, hit => deleted.Contains(hit.Key));
        }
    }

    [Fact]
    public async Task Deleting_an_act_removes_its_points_in_both_languages_only()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(6, Dimensions);
        var points = data.Points(100);
        points.AddRange(Enumerable.Range(1, 10).Select(article => data.Point(1, article, Language.Kk)));
        await temporary.Index.UpsertAsync(points, None);

        await temporary.Index.DeleteActAsync(ClusteredVectors.ActId(1), None);

        var listed = await temporary.Reopen().ListAsync(None).ToListAsync();
        Assert.Equal(50, listed.Count);
        Assert.All(listed, stored => Assert.Equal(ClusteredVectors.ActId(2), stored.ActId));
    }

    [Fact]
    public async Task A_point_re_added_after_its_act_was_deleted_is_found_after_reopening()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(7, Dimensions);
        await temporary.Index.UpsertAsync(data.Points(50), None);
        await temporary.Index.DeleteActAsync(ClusteredVectors.ActId(1), None);
        var again = data.Point(1, 3, hash: "again");

        await temporary.Index.UpsertAsync([again], None);

        var stored = Assert.Single(await temporary.Reopen().ListAsync(None).ToListAsync());
        Assert.Equal(new StoredVector(again.Key, again.Payload.ActId, "again"), stored);
    }

    [Fact]
    public async Task Ensuring_another_shape_says_what_is_stored_and_what_was_asked()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);

        var dimensions = await Assert.ThrowsAsync<InvalidOperationException>(
            () => temporary.Index.EnsureAsync(new VectorIndexShape(64, TemporaryVectorIndex.Model), None));
        var model = await Assert.ThrowsAsync<InvalidOperationException>(
            () => temporary.Reopen().EnsureAsync(new VectorIndexShape(Dimensions, "bge-m3"), None));

        Assert.Contains($"{Dimensions}-dimension", dimensions.Message, StringComparison.Ordinal);
        Assert.Contains("64 dimensions", dimensions.Message, StringComparison.Ordinal);
        Assert.Contains($"'{TemporaryVectorIndex.Model}'", model.Message, StringComparison.Ordinal);
        Assert.Contains("'bge-m3'", model.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensuring_the_stored_shape_again_keeps_the_points()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        await temporary.Index.UpsertAsync(new ClusteredVectors(8, Dimensions).Points(10), None);

        await temporary.Reopen().EnsureAsync(new VectorIndexShape(Dimensions, TemporaryVectorIndex.Model), None);

        Assert.Equal(10, (await temporary.Index.GetInfoAsync(None)).Count);
    }

    [Fact]
    public async Task An_index_never_created_reports_no_shape_and_refuses_points()
    {
        using var temporary = new TemporaryVectorIndex();

        var info = await temporary.Index.GetInfoAsync(None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => temporary.Index.UpsertAsync(new ClusteredVectors(9, Dimensions).Points(1), None));

        Assert.Equal(new VectorIndexInfo("embedded", 0, null), info);
        Assert.Contains("EnsureAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_point_of_other_dimensions_is_refused_with_its_key()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var point = new ClusteredVectors(10, Dimensions + 1).Point(1, 2);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => temporary.Index.UpsertAsync([point], None));

        Assert.Contains(point.Key.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await temporary.Index.GetInfoAsync(None)).Count);
    }

    [Fact]
    public async Task The_element_type_stays_the_one_the_index_was_created_with()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions, VectorElementType.Int8);
        temporary.Close();

        using var reopened = EmbeddedVectorIndex.Open(temporary.Options with { ElementType = VectorElementType.Float32 });

        Assert.Equal(VectorElementType.Int8, reopened.ElementType);
    }
}
