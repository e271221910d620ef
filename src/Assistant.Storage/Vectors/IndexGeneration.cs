namespace Assistant.Storage.Vectors;

/// <summary>
/// One consistent state of the index: what a search scans from start to end while writes publish newer ones.
/// Reference-counted; the index holds one reference while it is current and each search one while it runs.
/// </summary>
internal sealed class IndexGeneration
{
    private int _references = 1;

    /// <summary>Takes a reference on each segment: the caller keeps its own.</summary>
    public IndexGeneration(IndexManifest? manifest, IReadOnlyList<LiveSegment> segments)
    {
        Manifest = manifest;
        Segments = segments;
        foreach (var segment in segments)
        {
            if (!segment.Segment.TryAddReference())
            {
                throw new InvalidOperationException($"Vector segment '{segment.Segment.Path}' was released while still listed.");
            }

            Count += segment.LiveRows;
        }
    }

    /// <summary>Null while the index was never created.</summary>
    public IndexManifest? Manifest { get; }

    public IReadOnlyList<LiveSegment> Segments { get; }

    public long Count { get; }

    /// <summary>False once the generation was retired and its last search ended.</summary>
    public bool TryAcquire() => ReferenceCount.TryAdd(ref _references);

    public void Release()
    {
        if (!ReferenceCount.Release(ref _references))
        {
            return;
        }

        foreach (var segment in Segments)
        {
            segment.Segment.Release();
        }
    }
}
