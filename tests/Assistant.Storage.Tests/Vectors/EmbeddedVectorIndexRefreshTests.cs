using Assistant.Core.Vectors;
using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

/// <summary>A read-only index (the API's) following what another opener of the folder (the indexer) writes.</summary>
public sealed class EmbeddedVectorIndexRefreshTests
{
    private const int Dimensions = 16;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_refresh_serves_the_writers_upserts_and_deletions_and_nothing_changes_without_one()
    {
        using var writer = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(41, Dimensions);
        await writer.Index.UpsertAsync(data.Points(30), None);
        using var reader = OpenReader(writer);

        await writer.Index.UpsertAsync(data.Points(20, firstAct: 10), None);
        await writer.Index.DeleteActAsync(ClusteredVectors.ActId(1), None);
        var before = (await reader.GetInfoAsync(None)).Count;
        var refreshed = await reader.RefreshAsync(None);

        Assert.Equal(30, before);
        Assert.True(refreshed);
        Assert.Equal(20, (await reader.GetInfoAsync(None)).Count);
        Assert.Equal(writer.Index.Generation, reader.Generation);
        Assert.False(await reader.RefreshAsync(None));
    }

    [Fact]
    public async Task A_refresh_follows_merges_that_remove_the_segments_it_had_mapped()
    {
        using var writer = await TemporaryVectorIndex.CreateAsync(Dimensions, mergeFactor: 2, mergeBaseRows: 10);
        var data = new ClusteredVectors(42, Dimensions);
        using var reader = OpenReader(writer);
        var query = new VectorQuery(data.Next(), 1_000, VectorFilter.None);

        for (var batch = 0; batch < 6; batch++)
        {
            await writer.Index.UpsertAsync(data.Points(10, firstAct: 1 + batch), None);
            await reader.RefreshAsync(None);

            var expected = await writer.Index.SearchAsync(query, None);
            Assert.Equal(expected.Select(hit => (hit.Key, hit.Score)), (await reader.SearchAsync(query, None)).Select(hit => (hit.Key, hit.Score)));
        }

        Assert.Equal(writer.Index.SegmentCount, reader.SegmentCount);
        Assert.Equal(60, (await reader.GetInfoAsync(None)).Count);
    }

    [Fact]
    public async Task A_read_under_way_finishes_on_the_generation_it_started_with()
    {
        using var writer = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(43, Dimensions);
        await writer.Index.UpsertAsync(data.Points(30), None);
        await writer.Index.UpsertAsync(data.Points(30, firstAct: 5), None);
        using var reader = OpenReader(writer);

        var listed = new List<VectorKey>();
        await foreach (var vector in reader.ListAsync(None))
        {
            if (listed.Count == 0)
            {
                // The writer merges the two segments this read scans into one and deletes their files.
                await writer.Index.CompactAsync(None);
                await writer.Index.UpsertAsync(data.Points(10, firstAct: 20), None);
                Assert.True(await reader.RefreshAsync(None));
            }

            listed.Add(vector.Key);
        }

        Assert.Equal(60, listed.Count);
        Assert.Equal(70, (await reader.GetInfoAsync(None)).Count);
    }

    [Fact]
    public async Task An_index_created_after_the_reader_opened_is_served_after_a_refresh()
    {
        using var writer = new TemporaryVectorIndex();
        using var reader = OpenReader(writer);
        var emptyGeneration = reader.Generation;

        await writer.Index.EnsureAsync(new VectorIndexShape(Dimensions, TemporaryVectorIndex.Model), None);
        await writer.Index.UpsertAsync(new ClusteredVectors(44, Dimensions).Points(5), None);

        Assert.Equal(0, emptyGeneration);
        Assert.True(await reader.RefreshAsync(None));
        Assert.Equal(new VectorIndexInfo("embedded", 5, new VectorIndexShape(Dimensions, TemporaryVectorIndex.Model)), await reader.GetInfoAsync(None));
    }

    [Fact]
    public async Task A_read_only_index_leaves_files_it_does_not_know_and_refuses_writes()
    {
        using var writer = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(45, Dimensions);
        await writer.Index.UpsertAsync(data.Points(10), None);
        // What a writer has on disk between writing a segment and listing it in the manifest.
        List<string> unlisted = [Path.Combine(writer.Folder, IndexManifest.SegmentName(99)), Path.Combine(writer.Folder, "segment-000100.vseg.tmp")];
        foreach (var file in unlisted)
        {
            await File.WriteAllBytesAsync(file, new byte[64]);
        }

        using var reader = OpenReader(writer);

        Assert.All(unlisted, file => Assert.True(File.Exists(file), file));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reader.UpsertAsync(data.Points(1, firstAct: 9), None));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, (await reader.GetInfoAsync(None)).Count);
    }

    private static EmbeddedVectorIndex OpenReader(TemporaryVectorIndex writer) => EmbeddedVectorIndex.Open(writer.Options with { ReadOnly = true });
}
