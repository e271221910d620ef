using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

/// <summary>What an interrupted write or a damaged disk leaves, and what the next open makes of it.</summary>
public sealed class EmbeddedVectorIndexCrashTests
{
    private const int Dimensions = 16;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Temporary_files_left_by_a_crash_are_ignored_and_removed()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var points = new ClusteredVectors(21, Dimensions).Points(30);
        await temporary.Index.UpsertAsync(points, None);
        temporary.Close();
        List<string> strays = [Path.Combine(temporary.Folder, "segment-000009.vseg.tmp"), Path.Combine(temporary.Folder, "MANIFEST.tmp")];
        await File.WriteAllBytesAsync(strays[0], new byte[100]);
        await File.WriteAllTextAsync(strays[1], "{ half a manifest");

        var index = temporary.Reopen();

        Assert.Equal(30, (await index.GetInfoAsync(None)).Count);
        Assert.All(strays, stray => Assert.False(File.Exists(stray), stray));
    }

    [Fact]
    public async Task A_segment_written_before_a_crash_but_never_listed_is_dropped()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        var data = new ClusteredVectors(22, Dimensions);
        await temporary.Index.UpsertAsync(data.Points(30), None);
        temporary.Close();
        var manifest = await File.ReadAllBytesAsync(Path.Combine(temporary.Folder, IndexManifest.FileName));
        var index = temporary.Reopen();
        await index.UpsertAsync(data.Points(30, firstAct: 100), None);
        var unlisted = temporary.SegmentFiles()[^1];
        temporary.Close();
        await File.WriteAllBytesAsync(Path.Combine(temporary.Folder, IndexManifest.FileName), manifest);

        index = temporary.Reopen();

        Assert.Equal(30, (await index.GetInfoAsync(None)).Count);
        Assert.False(File.Exists(unlisted));
        await index.UpsertAsync(data.Points(5, firstAct: 200), None);
        Assert.Equal(35, (await temporary.Reopen().GetInfoAsync(None)).Count);
    }

    [Fact]
    public async Task A_truncated_segment_fails_the_open_naming_the_file()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        await temporary.Index.UpsertAsync(new ClusteredVectors(23, Dimensions).Points(30), None);
        temporary.Close();
        var segment = Assert.Single(temporary.SegmentFiles());
        await using (var stream = new FileStream(segment, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var error = Assert.Throws<InvalidDataException>(temporary.Reopen);

        Assert.Contains(segment, error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flipped_byte_in_a_segment_fails_its_checksum_naming_the_file()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        await temporary.Index.UpsertAsync(new ClusteredVectors(24, Dimensions).Points(30), None);
        temporary.Close();
        var segment = Assert.Single(temporary.SegmentFiles());
        var bytes = await File.ReadAllBytesAsync(segment);
        bytes[SegmentLayout.HeaderBytes + 5] ^= 0x40;
        await File.WriteAllBytesAsync(segment, bytes);

        var error = Assert.Throws<InvalidDataException>(temporary.Reopen);

        Assert.Contains(segment, error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_segment_fails_the_open_naming_the_file()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        await temporary.Index.UpsertAsync(new ClusteredVectors(25, Dimensions).Points(30), None);
        temporary.Close();
        var segment = Assert.Single(temporary.SegmentFiles());
        File.Delete(segment);

        var error = Assert.Throws<InvalidDataException>(temporary.Reopen);

        Assert.Contains(segment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_manifest_fails_the_open_naming_the_file()
    {
        using var temporary = await TemporaryVectorIndex.CreateAsync(Dimensions);
        temporary.Close();
        var manifest = Path.Combine(temporary.Folder, IndexManifest.FileName);
        var bytes = await File.ReadAllBytesAsync(manifest);
        bytes[10] ^= 0x01;
        await File.WriteAllBytesAsync(manifest, bytes);

        var error = Assert.Throws<InvalidDataException>(temporary.Reopen);

        Assert.Contains(manifest, error.Message, StringComparison.Ordinal);
    }
}
