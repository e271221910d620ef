using Assistant.Indexer.Ingestion;

namespace Assistant.Indexer.Tests.Ingestion;

public sealed class SourceDiscoveryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("raglegal-discovery-");

    [Fact]
    public void Folders_are_searched_recursively_and_other_files_are_passed_over()
    {
        Touch("a/K1.ru.txt");
        Touch("a/b/acts.jsonl.gz");
        Touch("a/b/more.JSONL");
        Touch("a/readme.md");
        Touch("a/archive.gz");

        var selection = SourceDiscovery.Discover([_root.FullName]);

        Assert.Equal(
            ["K1.ru.txt", "acts.jsonl.gz", "more.JSONL"],
            selection.Files.Select(f => Path.GetFileName(f.Path)).Order(StringComparer.Ordinal));
        Assert.Equal(["archive.gz", "readme.md"], selection.PassedOver.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(SourceFormat.BulkJsonl, selection.Files.Single(f => f.Path.EndsWith("more.JSONL", StringComparison.Ordinal)).Format);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_reported_as_missing()
    {
        var missing = Path.Combine(_root.FullName, "nowhere");

        var selection = SourceDiscovery.Discover([missing]);

        Assert.Equal([missing], selection.Missing);
        Assert.Empty(selection.Files);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private void Touch(string relative)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }
}
