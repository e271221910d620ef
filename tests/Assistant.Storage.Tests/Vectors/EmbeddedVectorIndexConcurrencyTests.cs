using Assistant.Core.Vectors;
using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

public sealed class EmbeddedVectorIndexConcurrencyTests
{
    private const int Dimensions = 24;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Searches_during_upserts_see_whole_upserts_only()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions, mergeFactor: 3, mergeBaseRows: 100);
        var data = new ClusteredVectors(31, Dimensions);
        const int Batch = 100;
        var batches = Enumerable.Range(0, 30).Select(b => data.Points(Batch, firstAct: 1 + (b * 2))).ToList();
        var query = new VectorQuery(data.Next(), 100_000, VectorFilter.None);
        var writing = true;
        var searched = 0;

        var searches = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var counts = new List<int>();
            while (Volatile.Read(ref writing))
            {
                var hits = await temporary.Index.SearchAsync(query, None);
                Assert.Equal(hits.Count, hits.Select(h => h.Key).Distinct().Count());
                counts.Add(hits.Count);
                Interlocked.Increment(ref searched);
            }

            return counts;
        })).ToList();
        foreach (var batch in batches)
        {
            var before = Volatile.Read(ref searched);
            await temporary.Index.UpsertAsync(batch, None);
            while (Volatile.Read(ref searched) <= before && !searches.All(search => search.IsCompleted))
            {
                await Task.Yield();
            }
        }

        Volatile.Write(ref writing, false);
        var seen = (await Task.WhenAll(searches)).SelectMany(counts => counts).ToList();

        Assert.NotEmpty(seen);
        Assert.All(seen, count => Assert.Equal(0, count % Batch));
        Assert.Equal(batches.Count * Batch, (await temporary.Index.SearchAsync(query, None)).Count);
    }

    [Fact]
    public async Task Merges_keep_the_points_and_the_search_results()
    {
        using var unmerged = await TemporaryVectorIndex.CreateAsync(Dimensions, mergeFactor: 1000);
        using var merged = await TemporaryVectorIndex.CreateAsync(Dimensions, mergeFactor: 2, mergeBaseRows: 50);
        var data = new ClusteredVectors(32, Dimensions);
        var batches = Enumerable.Range(0, 12).Select(b => data.Points(50, firstAct: 1 + (b % 8))).ToList();
        foreach (var index in new[] { unmerged.Index, merged.Index })
        {
            foreach (var batch in batches)
            {
                await index.UpsertAsync(batch, None);
            }

            await index.DeleteAsync([ClusteredVectors.Key(3, 4)], None);
            await index.DeleteActAsync(ClusteredVectors.ActId(5), None);
        }

        Assert.True(merged.SegmentFiles().Length < unmerged.SegmentFiles().Length / 2, $"{merged.SegmentFiles().Length} segments");
        await AssertSameAsync(unmerged.Index, merged.Index, data);
        await AssertSameAsync(unmerged.Index, merged.Reopen(), data);
        await merged.Index.CompactAsync(None);
        Assert.Single(merged.SegmentFiles());
        await AssertSameAsync(unmerged.Index, merged.Reopen(), data);
    }

    [Fact]
    public async Task A_search_that_started_before_a_compaction_keeps_its_segments()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions, mergeFactor: 1000);
        var data = new ClusteredVectors(33, Dimensions);
        for (var b = 0; b < 4; b++)
        {
            await temporary.Index.UpsertAsync(data.Points(40, firstAct: 1 + b), None);
        }

        var query = new VectorQuery(data.Next(), 20, VectorFilter.None);
        var before = await temporary.Index.SearchAsync(query, None);
        var listing = temporary.Index.ListAsync(None).GetAsyncEnumerator();
        Assert.True(await listing.MoveNextAsync());

        await temporary.Index.CompactAsync(None);

        var rest = 1;
        while (await listing.MoveNextAsync())
        {
            rest++;
        }

        await listing.DisposeAsync();
        Assert.Equal(160, rest);
        Assert.Single(temporary.SegmentFiles());
        Assert.Equal(before, await temporary.Index.SearchAsync(query, None));
    }

    private static async Task AssertSameAsync(EmbeddedVectorIndex expected, EmbeddedVectorIndex actual, ClusteredVectors data)
    {
        Assert.Equal((await expected.GetInfoAsync(None)).Count, (await actual.GetInfoAsync(None)).Count);
        Assert.Equal(
            (await expected.ListAsync(None).ToListAsync()).OrderBy(s => s.Key.ToString(), StringComparer.Ordinal),
            (await actual.ListAsync(None).ToListAsync()).OrderBy(s => s.Key.ToString(), StringComparer.Ordinal));
        for (var q = 0; q < 5; q++)
        {
            var query = new VectorQuery(data.Next(), 10, VectorFilter.None);
            Assert.Equal(await expected.SearchAsync(query, None), await actual.SearchAsync(query, None));
        }
    }
}
