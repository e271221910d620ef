using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Assistant.Storage.Vectors;

/// <summary>
/// One segment file mapped read-only. Reference-counted: each generation that lists it holds a reference, so a merge
/// can retire it while searches still scan it; the map is released (and a retired file deleted) with the last one.
/// </summary>
internal sealed unsafe class VectorSegment
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly string[] _actIds;
    private readonly StringColumn _keys;
    private readonly StringColumn _contentHashes;
    private int _references = 1;
    private volatile bool _retired;

    private VectorSegment(string path, SegmentFile file, MemoryMappedFile mapped, MemoryMappedViewAccessor view, byte* start)
    {
        Path = path;
        File = file;
        _file = mapped;
        _view = view;
        _start = start;
        Layout = SegmentLayout.ReadHeader(new ReadOnlySpan<byte>(start, SegmentLayout.HeaderBytes), path);
        var end = file.Bytes - SegmentLayout.ChecksumBytes;
        if (Layout.Rows != file.Rows || Layout.StringsOffset > end)
        {
            throw new InvalidDataException(
                $"Vector segment '{path}' is damaged: its header says {Layout.Rows} rows of {Layout.Dimensions} dimensions, the manifest {file.Rows} rows in {file.Bytes} bytes.");
        }

        var offset = StringColumn.Read(start, Layout.StringsOffset, end, path, out var acts);
        offset = StringColumn.Read(start, offset, end, path, out _keys);
        offset = StringColumn.Read(start, offset, end, path, out _contentHashes);
        StringColumn.Read(start, offset, end, path, out var deleted);
        if (_keys.Count != Layout.Rows || _contentHashes.Count != Layout.Rows)
        {
            throw new InvalidDataException($"Vector segment '{path}' is damaged: its key columns do not hold {Layout.Rows} rows.");
        }

        _actIds = new string[acts.Count];
        for (var i = 0; i < _actIds.Length; i++)
        {
            _actIds[i] = acts[i];
        }

        DeletedKeys = new string[deleted.Count];
        for (var i = 0; i < DeletedKeys.Length; i++)
        {
            DeletedKeys[i] = deleted[i];
        }

        for (var row = 0; row < Layout.Rows; row++)
        {
            if ((uint)ActOrdinals[row] >= (uint)_actIds.Length)
            {
                throw new InvalidDataException($"Vector segment '{path}' is damaged: row {row} names act ordinal {ActOrdinals[row]} of {_actIds.Length}.");
            }
        }
    }

    public string Path { get; }

    public SegmentFile File { get; }

    public SegmentLayout Layout { get; }

    public int Rows => Layout.Rows;

    public IReadOnlyList<string> ActIds => _actIds;

    public string[] DeletedKeys { get; }

    public ReadOnlySpan<RowFacts> Facts => new(_start + Layout.FactsOffset, Layout.Rows);

    public ReadOnlySpan<int> ActOrdinals => new(_start + Layout.ActOrdinalsOffset, Layout.Rows);

    public ReadOnlySpan<float> Scales => Layout.ElementType == VectorElementType.Int8
        ? new(_start + Layout.ScalesOffset, Layout.Rows)
        : [];

    /// <summary>The whole vectors column; row r starts at r × <see cref="SegmentLayout.RowBytes"/>.</summary>
    public byte* Vectors => _start + SegmentLayout.VectorsOffset;

    public ReadOnlySpan<byte> RowBytes(int row) => new(Vectors + ((long)row * Layout.RowBytes), Layout.RowBytes);

    public ReadOnlySpan<float> FloatRow(int row) => MemoryMarshal.Cast<byte, float>(RowBytes(row));

    public ReadOnlySpan<sbyte> Int8Row(int row) => MemoryMarshal.Cast<byte, sbyte>(RowBytes(row));

    public string Key(int row) => _keys[row];

    public string ContentHash(int row) => _contentHashes[row];

    public string ActId(int row) => _actIds[ActOrdinals[row]];

    /// <exception cref="InvalidDataException">The file is missing, shorter or longer than the manifest says, or fails its checksum.</exception>
    public static VectorSegment Open(string path, SegmentFile file, bool verifyChecksum)
    {
        var length = new FileInfo(path) is { Exists: true } info
            ? info.Length
            : throw new InvalidDataException($"Vector segment '{path}', listed in the manifest, is missing.");
        if (length != file.Bytes || length < SegmentLayout.HeaderBytes + SegmentLayout.ChecksumBytes)
        {
            throw new InvalidDataException($"Vector segment '{path}' is damaged: the manifest says {file.Bytes} bytes, the file has {length}.");
        }

        var mapped = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        var acquired = false;
        try
        {
            view = mapped.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            acquired = true;
            start += view.PointerOffset;
            if (verifyChecksum)
            {
                Verify(path, file, start);
            }

            return new VectorSegment(path, file, mapped, view, start);
        }
        catch
        {
            if (acquired)
            {
                view!.SafeMemoryMappedViewHandle.ReleasePointer();
            }

            view?.Dispose();
            mapped.Dispose();
            throw;
        }
    }

    /// <summary>Takes a reference for a new generation; false once the segment was released for good.</summary>
    public bool TryAddReference() => ReferenceCount.TryAdd(ref _references);

    /// <summary>Marks the file for deletion once the last generation listing it is released.</summary>
    public void Retire() => _retired = true;

    public void Release()
    {
        if (!ReferenceCount.Release(ref _references))
        {
            return;
        }

        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
        if (_retired)
        {
            System.IO.File.Delete(Path);
        }
    }

    private static void Verify(string path, SegmentFile file, byte* start)
    {
        var hash = new XxHash3();
        const int Chunk = 1 << 30;
        var body = file.Bytes - SegmentLayout.ChecksumBytes;
        for (long offset = 0; offset < body; offset += Chunk)
        {
            hash.Append(new ReadOnlySpan<byte>(start + offset, (int)Math.Min(Chunk, body - offset)));
        }

        var stored = *(ulong*)(start + body);
        var computed = hash.GetCurrentHashAsUInt64();
        if (computed != stored || computed != file.Checksum)
        {
            throw new InvalidDataException(
                $"Vector segment '{path}' is damaged: its checksum is {computed:x16}, the file records {stored:x16} and the manifest {file.Checksum:x16}.");
        }
    }
}
