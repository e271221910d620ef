using System.IO.Compression;
using Assistant.Core.Adilet;

namespace Assistant.Indexer.Ingestion;

/// <summary>
/// Reads a source file into parsed acts or failures. Never throws for bad input: an unreadable file, a text
/// the parser rejects or a broken bulk record becomes a failure naming the file and line.
/// </summary>
public static class ActReader
{
    /// <param name="bytesRead">Called with the number of source bytes consumed since the last call.</param>
    public static IEnumerable<ActReading> Read(SourceFile file, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(bytesRead);
        return file.Format == SourceFormat.AdiletText
            ? [ReadText(file, bytesRead)]
            : ReadBulk(file, bytesRead, cancellationToken);
    }

    private static ActReading ReadText(SourceFile file, Action<long> bytesRead)
    {
        try
        {
            return new ActReading.Parsed(file, AdiletTextParser.ParseFile(file.Path));
        }
        catch (AdiletFormatException e)
        {
            return new ActReading.Failed(file, new IngestFailure(file.Path, e.Line, e.Reason));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ActReading.Failed(file, new IngestFailure(file.Path, null, $"cannot be read: {e.Message}"));
        }
        finally
        {
            bytesRead(file.Length);
        }
    }

    private static IEnumerable<ActReading> ReadBulk(SourceFile file, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(file.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bytesRead(file.Length);
            return [new ActReading.Failed(file, new IngestFailure(file.Path, null, $"cannot be read: {e.Message}"))];
        }

        return ReadRecords(file, stream, bytesRead, cancellationToken);
    }

    private static IEnumerable<ActReading> ReadRecords(SourceFile file, FileStream stream, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        using var owned = stream;
        using var text = file.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        using var entries = BulkRecordReader.Read(text, Path.GetFileName(file.Path)).GetEnumerator();
        long reported = 0;
        var line = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ActReading? failure = null;
            try
            {
                if (!entries.MoveNext())
                {
                    break;
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // A corrupt archive or truncated file: what was read so far stands, the rest is reported.
                failure = new ActReading.Failed(file, new IngestFailure(file.Path, line + 1, $"the file is corrupt from here on: {e.Message}"));
            }

            var position = stream.CanSeek ? stream.Position : reported;
            bytesRead(position - reported);
            reported = position;
            if (failure is not null)
            {
                yield return failure;
                break;
            }

            var entry = entries.Current;
            line = entry.Line;
            yield return entry.Act is { } act
                ? new ActReading.Parsed(file, act)
                : new ActReading.Failed(file, new IngestFailure(file.Path, entry.Line, entry.Error?.Reason ?? "the record could not be read"));
        }

        bytesRead(file.Length - reported);
    }
}
