namespace Assistant.Inference.Embeddings;

/// <summary>
/// Writes a model folder beside its destination and swaps it in when complete, so that a reader never sees a
/// half-written model and an interrupted write leaves the previous one (put back by <see cref="Recover"/> when the
/// interruption fell between the two renames of the swap).
/// </summary>
public static class StagedFolder
{
    private const string StagingSuffix = ".partial";
    private const string PreviousSuffix = ".previous";

    /// <summary>
    /// Puts the previous folder back when a write stopped after moving it aside and before moving the new one in;
    /// nothing to do otherwise. A half-written staging folder is never taken.
    /// </summary>
    public static void Recover(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var destination = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(destination) && Directory.Exists(destination + PreviousSuffix))
        {
            Directory.Move(destination + PreviousSuffix, destination);
        }
    }

    /// <param name="write">Fills the staging folder it is given.</param>
    /// <exception cref="InvalidDataException">The destination holds files but is not a model folder: it is never replaced.</exception>
    public static void Write(string directory, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(write);
        Recover(directory);
        var destination = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var isModel = File.Exists(Path.Combine(destination, EmbeddingModelFolder.ManifestFileName));
        if (Directory.Exists(destination) && !isModel && Directory.EnumerateFileSystemEntries(destination).Any())
        {
            throw new InvalidDataException($"'{directory}' holds files but no {EmbeddingModelFolder.ManifestFileName}: it is not a model folder, so it is left alone.");
        }

        var staging = destination + StagingSuffix;
        var previous = destination + PreviousSuffix;
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
