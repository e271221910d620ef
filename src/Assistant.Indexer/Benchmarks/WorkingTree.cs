namespace Assistant.Indexer.Benchmarks;

/// <summary>Files benchmarks find by default above the current directory: the repository's own and ../shared's.</summary>
internal static class WorkingTree
{
    public static string? FindUpward(string relative)
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <exception cref="FileNotFoundException">The model is not in any shared/models above the current directory.</exception>
    public static string SharedModel(string fileName) =>
        FindUpward(Path.Combine("shared", "models", fileName))
            ?? throw new FileNotFoundException($"{fileName} was not found in ../shared/models; give --vocab.");
}
