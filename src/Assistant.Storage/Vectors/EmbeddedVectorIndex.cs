using System.Diagnostics;
using System.Runtime.CompilerServices;
using Assistant.Core.Vectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Storage.Vectors;

/// <summary>
/// The embedded vector index: a folder of memory-mapped, checksummed segments listed by a manifest. Every write adds
/// a segment and replaces the manifest atomically (a key written again, or deleted, kills its row in the older
/// segment); size-tiered merges keep the segment count small. Searches scan one generation exactly, with the filters
/// applied on the payload columns, while writes publish the next. One process writes; others open the folder
/// <see cref="EmbeddedVectorIndexOptions.ReadOnly"/> and follow its writes with <see cref="RefreshAsync"/>.
/// </summary>
public sealed class EmbeddedVectorIndex : IVectorIndex, IDisposable, IAsyncDisposable
{
    /// <summary>Reads of a manifest that a merge overtook before its segments were mapped, before a refresh gives up.</summary>
    private const int RefreshAttempts = 5;

    private readonly EmbeddedVectorIndexOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Live row of each key; read and changed by writers only, under <see cref="_writeLock"/>.</summary>
    private readonly Dictionary<string, RowLocation> _locations;

    private IndexGeneration _current;

    /// <summary>
    /// The manifest file as it was when the current generation was read from it, or null when that stamp may repeat;
    /// changed under <see cref="_writeLock"/>.
    /// </summary>
    private ManifestStamp? _stamp;
    private volatile bool _disposed;

    private EmbeddedVectorIndex(EmbeddedVectorIndexOptions options, ILogger logger, IndexGeneration current, Dictionary<string, RowLocation> locations, ManifestStamp? stamp)
    {
        _options = options;
        _logger = logger;
        _current = current;
        _locations = locations;
        _stamp = stamp;
    }

    public string Store => "embedded";

    public string Folder => _options.Folder;

    /// <summary>The element type of the index's vectors: the stored one once created, else the one it will be created with.</summary>
    public VectorElementType ElementType => Volatile.Read(ref _current).Manifest?.ElementType ?? _options.ElementType;

    /// <summary>The manifest generation searches scan now: it grows with every write; 0 for an index never created.</summary>
    public long Generation => Volatile.Read(ref _current).Manifest?.Generation ?? 0;

    /// <summary>Segments of the generation searches scan now.</summary>
    public int SegmentCount => Volatile.Read(ref _current).Segments.Count;

    /// <summary>Opens the index in <see cref="EmbeddedVectorIndexOptions.Folder"/>, creating the folder when missing.</summary>
    /// <exception cref="InvalidDataException">The manifest or a segment it lists is damaged or missing; the message names the file.</exception>
    public static EmbeddedVectorIndex Open(EmbeddedVectorIndexOptions options, ILogger<EmbeddedVectorIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MergeFactor, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MergeBaseRows, 1);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        Directory.CreateDirectory(options.Folder);
        // Stamped before the read: a write in between shows as a change at the next refresh.
        var stamp = ManifestStamp.Of(options.Folder);
        var manifest = IndexManifest.Read(options.Folder);
        if (!options.ReadOnly)
        {
            // Only the writer may: a reader would take the segment a writer has just renamed and is about to list.
            RemoveStrays(options.Folder, manifest, log);
        }

        var (generation, locations) = Load(options, manifest, []);
        VectorIndexLog.Opened(log, options.Folder, generation.Segments.Count, generation.Count);
        return new EmbeddedVectorIndex(options, log, generation, locations, Trusted(stamp));
    }

    /// <summary>
    /// For a <see cref="EmbeddedVectorIndexOptions.ReadOnly"/> index: when the writer replaced the manifest since it
    /// was last read, maps the segments it lists (those mapped already are reused) and makes them the generation
    /// searches scan. Searches under way finish on the generation they started with, whose maps go with the last of
    /// them. Costs one file stamp when nothing changed.
    /// </summary>
    /// <returns>True when a new generation is served.</returns>
    /// <exception cref="InvalidDataException">The manifest or a segment it lists is damaged; the generation served stays.</exception>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_options.ReadOnly)
        {
            // The writer's own generation is the newest: no other process writes the folder.
            return false;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var stamp = ManifestStamp.Of(_options.Folder);
                if (stamp == _stamp)
                {
                    return false;
                }

                var manifest = IndexManifest.Read(_options.Folder);
                if (SameState(manifest, _current.Manifest))
                {
                    _stamp = Trusted(stamp);
                    return false;
                }

                try
                {
                    var (generation, _) = Load(_options, manifest, _current.Segments);
                    Publish(generation);
                    _stamp = Trusted(stamp);
                    VectorIndexLog.Refreshed(_logger, _options.Folder, generation.Manifest?.Generation ?? 0, generation.Segments.Count, generation.Count);
                    return true;
                }
                catch (InvalidDataException) when (attempt < RefreshAttempts && ManifestStamp.Of(_options.Folder) != stamp)
                {
                    // A merge removed a segment this manifest listed before it was mapped: the newer manifest lists its replacement.
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task EnsureAsync(VectorIndexShape shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Dimensions, 1, nameof(shape));
        ArgumentException.ThrowIfNullOrWhiteSpace(shape.Model, nameof(shape));
        ThrowIfReadOnly();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current.Manifest is { } stored)
            {
                if (stored.Dimensions != shape.Dimensions || !string.Equals(stored.Model, shape.Model, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"The vector index in '{_options.Folder}' holds {stored.Dimensions}-dimension vectors of model '{stored.Model}'; asked for {shape.Dimensions} dimensions of model '{shape.Model}'. Re-create the index to change the model.");
                }

                return;
            }

            var manifest = IndexManifest.Create(shape, _options.ElementType);
            manifest.Write(_options.Folder);
            Publish(new IndexGeneration(manifest, []));
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return;
        }

        ThrowIfReadOnly();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var manifest = RequireManifest();
            Append(manifest, PointRows.Create(points, manifest), cancellationToken);
            MergeWhileDue(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ThrowIfReadOnly();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var texts = keys.Select(key => key.ToString());
            DeleteStored(texts, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task DeleteActAsync(string actId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        ThrowIfReadOnly();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var keys = new List<string>();
            foreach (var live in _current.Segments)
            {
                var ordinal = IndexOf(live.Segment.ActIds, actId);
                if (ordinal < 0)
                {
                    continue;
                }

                var ordinals = live.Segment.ActOrdinals;
                for (var row = 0; row < ordinals.Length; row++)
                {
                    if (ordinals[row] == ordinal && !live.Dead.IsDead(row))
                    {
                        keys.Add(live.Segment.Key(row));
                    }
                }
            }

            DeleteStored(keys, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async IAsyncEnumerable<StoredVector> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var generation = Acquire();
        try
        {
            foreach (var live in generation.Segments)
            {
                for (var row = 0; row < live.Segment.Rows; row++)
                {
                    if (live.Dead.IsDead(row))
                    {
                        continue;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    yield return new StoredVector(VectorKey.Parse(live.Segment.Key(row)), live.Segment.ActId(row), live.Segment.ContentHash(row));
                }

                await Task.Yield();
            }
        }
        finally
        {
            generation.Release();
        }
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Filter, nameof(query));
        var generation = Acquire();
        try
        {
            return Task.FromResult(VectorScan.Search(generation, query, cancellationToken));
        }
        finally
        {
            generation.Release();
        }
    }

    public Task<VectorIndexInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var generation = Acquire();
        try
        {
            return Task.FromResult(new VectorIndexInfo(Store, generation.Count, generation.Manifest?.Shape));
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Merges every segment into one, dropping dead rows; searches keep scanning the old segments meanwhile.</summary>
    public async Task CompactAsync(CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var segments = _current.Segments;
            if (segments.Count > 1 || segments.Any(live => live.Dead.Count > 0 || live.Segment.DeletedKeys.Length > 0))
            {
                Merge(0, segments.Count, cancellationToken);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _current.Release();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Maps the segments a manifest lists, reusing those of <paramref name="mapped"/>, and replays them into a generation.</summary>
    private static (IndexGeneration Generation, Dictionary<string, RowLocation> Locations) Load(
        EmbeddedVectorIndexOptions options, IndexManifest? manifest, IReadOnlyList<LiveSegment> mapped)
    {
        var segments = new List<VectorSegment>();
        try
        {
            foreach (var file in manifest?.Segments ?? [])
            {
                var known = mapped.FirstOrDefault(live => live.Segment.File == file)?.Segment;
                segments.Add(known is not null && known.TryAddReference()
                    ? known
                    : VectorSegment.Open(Path.Combine(options.Folder, file.Name), file, options.VerifyChecksumsOnOpen));
            }

            var (live, locations) = Replay(segments);
            return (new IndexGeneration(manifest, live), locations);
        }
        finally
        {
            foreach (var segment in segments)
            {
                segment.Release();
            }
        }
    }

    private static ManifestStamp? Trusted(ManifestStamp stamp) => stamp.MayRepeat ? null : stamp;

    /// <summary>Whether two manifests list the same segments, so that nothing needs mapping again.</summary>
    private static bool SameState(IndexManifest? read, IndexManifest? served) =>
        read is null || served is null
            ? read is null && served is null
            : read.Generation == served.Generation
                && string.Equals(read.Model, served.Model, StringComparison.Ordinal)
                && read.Segments.SequenceEqual(served.Segments);

    /// <summary>Rebuilds, from the segments oldest first, which row holds each key and which rows later writes killed.</summary>
    private static (List<LiveSegment> Live, Dictionary<string, RowLocation> Locations) Replay(List<VectorSegment> segments)
    {
        var locations = new Dictionary<string, RowLocation>(StringComparer.Ordinal);
        var dead = segments.ToDictionary(segment => segment, _ => new List<int>());
        foreach (var segment in segments)
        {
            foreach (var key in segment.DeletedKeys)
            {
                if (locations.Remove(key, out var deleted))
                {
                    dead[deleted.Segment].Add(deleted.Row);
                }
            }

            for (var row = 0; row < segment.Rows; row++)
            {
                var key = segment.Key(row);
                if (locations.TryGetValue(key, out var replaced))
                {
                    dead[replaced.Segment].Add(replaced.Row);
                }

                locations[key] = new RowLocation(segment, row);
            }
        }

        var live = segments.Select(segment => new LiveSegment(segment, DeadRows.None(segment.Rows).With(dead[segment]))).ToList();
        return (live, locations);
    }

    /// <summary>Removes temporary files and segments no manifest lists: what a crash between two steps of a write leaves.</summary>
    private static void RemoveStrays(string folder, IndexManifest? manifest, ILogger logger)
    {
        var listed = new HashSet<string>(manifest?.Segments.Select(segment => segment.Name) ?? [], StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(path);
            var stray = TemporaryFiles.IsTemporary(name)
                || (name.StartsWith(IndexManifest.SegmentPrefix, StringComparison.Ordinal) && name.EndsWith(IndexManifest.SegmentExtension, StringComparison.Ordinal) && !listed.Contains(name));
            if (stray)
            {
                File.Delete(path);
                VectorIndexLog.RemovedStray(logger, path);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private IndexGeneration Acquire()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var generation = Volatile.Read(ref _current);
            if (generation.TryAcquire())
            {
                return generation;
            }
        }
    }

    private void ThrowIfReadOnly()
    {
        if (_options.ReadOnly)
        {
            throw new InvalidOperationException($"The vector index in '{_options.Folder}' was opened read-only: only the indexer writes it.");
        }
    }

    private IndexManifest RequireManifest()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _current.Manifest
            ?? throw new InvalidOperationException($"The vector index in '{_options.Folder}' was never created: call EnsureAsync with its shape first.");
    }

    private void DeleteStored(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var stored = keys.Where(_locations.ContainsKey).ToHashSet(StringComparer.Ordinal);
        if (stored.Count == 0)
        {
            return;
        }

        Append(RequireManifest(), new DeletionRows(stored), cancellationToken);
        MergeWhileDue(cancellationToken);
    }

    /// <summary>Writes one new segment, then the manifest that lists it; rows it replaces or deletes die in the older segments.</summary>
    private void Append(IndexManifest manifest, ISegmentRows rows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var segment = WriteSegment(manifest, rows, cancellationToken);
        try
        {
            var kills = new Dictionary<VectorSegment, List<int>>();
            foreach (var key in rows.DeletedKeys)
            {
                Kill(kills, key);
            }

            for (var row = 0; row < rows.Count; row++)
            {
                Kill(kills, rows.Key(row));
            }

            var next = manifest.Next([.. manifest.Segments, segment.File], manifest.NextSegment + 1);
            Commit(next, segment);

            foreach (var key in rows.DeletedKeys)
            {
                _locations.Remove(key);
            }

            for (var row = 0; row < rows.Count; row++)
            {
                _locations[rows.Key(row)] = new RowLocation(segment, row);
            }

            var segments = _current.Segments
                .Select(live => kills.TryGetValue(live.Segment, out var killed) ? live with { Dead = live.Dead.With(killed) } : live)
                .Append(new LiveSegment(segment, DeadRows.None(segment.Rows)));
            Publish(new IndexGeneration(next, [.. segments]));
            VectorIndexLog.SegmentWritten(_logger, segment.File.Name, rows.Count, rows.DeletedKeys.Count, segment.File.Bytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            segment.Release();
        }
    }

    private void Kill(Dictionary<VectorSegment, List<int>> kills, string key)
    {
        if (_locations.TryGetValue(key, out var location))
        {
            if (!kills.TryGetValue(location.Segment, out var rows))
            {
                kills[location.Segment] = rows = [];
            }

            rows.Add(location.Row);
        }
    }

    private void MergeWhileDue(CancellationToken cancellationToken)
    {
        while (MergePolicy.Choose([.. _current.Segments.Select(live => live.LiveRows)], _options.MergeFactor, _options.MergeBaseRows) is { } run)
        {
            Merge(run.Start, run.Count, cancellationToken);
        }
    }

    /// <summary>Replaces consecutive segments by one holding their live rows. The old files go when the last search scanning them ends.</summary>
    private void Merge(int start, int count, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var current = _current;
        var manifest = current.Manifest!;
        var merged = current.Segments.Skip(start).Take(count).ToList();
        var rows = new MergedRows(merged, keepDeletions: start > 0);
        var segment = WriteSegment(manifest, rows, cancellationToken);
        try
        {
            var files = manifest.Segments.Take(start).Append(segment.File).Concat(manifest.Segments.Skip(start + count)).ToList();
            var next = manifest.Next(files, manifest.NextSegment + 1);
            Commit(next, segment);
            for (var row = 0; row < rows.Count; row++)
            {
                _locations[rows.Key(row)] = new RowLocation(segment, row);
            }

            var segments = current.Segments.Take(start).Append(new LiveSegment(segment, DeadRows.None(segment.Rows))).Concat(current.Segments.Skip(start + count));
            foreach (var old in merged)
            {
                old.Segment.Retire();
            }

            Publish(new IndexGeneration(next, [.. segments]));

            VectorIndexLog.Compacted(_logger, count, segment.File.Name, rows.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            segment.Release();
        }
    }

    private VectorSegment WriteSegment(IndexManifest manifest, ISegmentRows rows, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_options.Folder, IndexManifest.SegmentName(manifest.NextSegment));
        var layout = new SegmentLayout(manifest.ElementType, manifest.Dimensions, rows.Count);
        var file = SegmentWriter.Write(path, layout, rows, cancellationToken);
        try
        {
            return VectorSegment.Open(path, file, verifyChecksum: false);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Replaces the manifest; when that fails the new segment is removed and the index stays as it was.</summary>
    private void Commit(IndexManifest next, VectorSegment segment)
    {
        try
        {
            next.Write(_options.Folder);
        }
        catch
        {
            segment.Retire();
            throw;
        }
    }

    private void Publish(IndexGeneration next)
    {
        var previous = Interlocked.Exchange(ref _current, next);
        previous.Release();
    }
}
