namespace Assistant.Storage.Vectors;

/// <summary>
/// What the manifest file looks like from outside: a writer replaces it by renaming a new file into place, so its
/// time and length change with every write, and a reader learns of one without reading it.
/// </summary>
internal readonly record struct ManifestStamp(DateTime WrittenUtc, long Length)
{
    /// <summary>File times advance in coarse ticks, so a stamp younger than this may be repeated by the next write.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a later write could still carry this very stamp: such a stamp is not trusted, and the manifest is read
    /// again at the next check (as git treats a racily clean index).
    /// </summary>
    public bool MayRepeat => DateTime.UtcNow - WrittenUtc < Settled;

    public static ManifestStamp Of(string folder)
    {
        var file = new FileInfo(Path.Combine(folder, IndexManifest.FileName));
        return file.Exists ? new ManifestStamp(file.LastWriteTimeUtc, file.Length) : default;
    }
}
