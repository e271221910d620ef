namespace Assistant.Inference.Embeddings;

/// <summary>
/// Writes a model folder beside its destination and swaps it in when complete, so that a reader never sees a
/// half-written model and an interrupted write leaves the previous one.
/// </summary>
public static class StagedFolder
{
    /// <param name="write">Fills the staging folder it is given.</param>
    /// <exception cref="InvalidDataException">The destination holds files but is not a model folder: it is never replaced.</exception>
    public static void Write(string directory, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(write);
        var destination = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var isModel = File.Exists(Path.Combine(destination, EmbeddingModelFolder.ManifestFileName));
        if (Directory.Exists(destination) && !isModel && Directory.EnumerateFileSystemEntries(destination).Any())
        {
            throw new InvalidDataException($"'{directory}' holds files but no {EmbeddingModelFolder.ManifestFileName}: it is not an embedding model folder, so it is left alone.");
        }

        var staging = destination + ".partial";
        var previous = destination + ".previous";
        foreach (var leftover in new[] { staging, previous }.Where(Directory.Exists))
        {
            Directory.Delete(leftover, recursive: true);
        }

        Directory.CreateDirectory(staging);
        write(staging);
        if (Directory.Exists(destination))
        {
            Directory.Move(destination, previous);
        }

        Directory.Move(staging, destination);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }
}
