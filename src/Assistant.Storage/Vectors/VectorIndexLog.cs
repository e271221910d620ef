using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Vectors;

internal static partial class VectorIndexLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Opened vector index {Folder}: {Segments} segments, {Count} vectors")]
    public static partial void Opened(ILogger logger, string folder, int segments, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vector index {Folder} refreshed to generation {Generation}: {Segments} segments, {Count} vectors")]
    public static partial void Refreshed(ILogger logger, string folder, long generation, int segments, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {File}, left by an interrupted write")]
    public static partial void RemovedStray(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote vector segment {File}: {Rows} rows, {Deleted} deleted keys, {Bytes} bytes in {Milliseconds} ms")]
    public static partial void SegmentWritten(ILogger logger, string file, int rows, int deleted, long bytes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged {Segments} vector segments into {File}: {Rows} rows in {Milliseconds} ms")]
    public static partial void Compacted(ILogger logger, int segments, string file, int rows, double milliseconds);
}
