namespace Assistant.Indexer.Ingestion;

/// <summary>Expands the paths given to <c>ingest</c> into the files it can read, noting what it passes over.</summary>
public static class SourceDiscovery
{
    public static SourceSelection Discover(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<SourceFile>();
        var passedOver = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(new FileInfo(path), files, passedOver);
            }
            else if (Directory.Exists(path))
            {
                var found = new DirectoryInfo(path)
                    .EnumerateFiles("*", SearchOption.AllDirectories)
                    .OrderBy(f => f.FullName, StringComparer.Ordinal);
                foreach (var file in found)
                {
                    Add(file, files, passedOver);
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return new SourceSelection(files, passedOver, missing);
    }

    public static SourceFormat? FormatOf(string fileName) =>
        fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? SourceFormat.AdiletText
        : fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
          || fileName.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) ? SourceFormat.BulkJsonl
        : null;

    private static void Add(FileInfo file, List<SourceFile> files, List<string> passedOver)
    {
        if (FormatOf(file.Name) is { } format)
        {
            files.Add(new SourceFile(file.FullName, format, file.Length));
        }
        else
        {
            passedOver.Add(file.FullName);
        }
    }
}

/// <summary>The files to ingest, the files passed over (not .txt/.jsonl/.jsonl.gz) and the paths that do not exist.</summary>
public sealed record SourceSelection(IReadOnlyList<SourceFile> Files, IReadOnlyList<string> PassedOver, IReadOnlyList<string> Missing);
