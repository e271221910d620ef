using System.IO.Hashing;

namespace Assistant.Storage.Vectors;

/// <summary>Writes a new file under a temporary name, hashing what it writes; <see cref="Commit"/> flushes it to disk and renames it into place.</summary>
internal sealed class HashingFileWriter : IDisposable
{
    private readonly XxHash3 _hash = new();
    private readonly FileStream _stream;
    private readonly string _temporaryPath;
    private readonly string _path;
    private bool _committed;

    public HashingFileWriter(string path)
    {
        _path = path;
        _temporaryPath = path + TemporaryFiles.Suffix;
        _stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public long Position => _stream.Position;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        _stream.Write(bytes);
    }

    public void PadTo(long offset)
    {
        Span<byte> zeros = stackalloc byte[8];
        zeros.Clear();
        Write(zeros[..checked((int)(offset - Position))]);
    }

    /// <summary>Appends the hash of everything written, flushes through the OS cache and renames the file into place.</summary>
    public ulong Commit()
    {
        var checksum = _hash.GetCurrentHashAsUInt64();
        Span<byte> bytes = stackalloc byte[SegmentLayout.ChecksumBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, checksum);
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_temporaryPath, _path, overwrite: true);
        _committed = true;
        return checksum;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (!_committed)
        {
            File.Delete(_temporaryPath);
        }
    }
}
