using Assistant.Core.Acts;

namespace Assistant.Indexer.Ingestion;

/// <summary>What reading a source yields: a parsed act, or a failure that names the file, line and reason.</summary>
public abstract record ActReading(SourceFile File)
{
    public sealed record Parsed(SourceFile File, Act Act) : ActReading(File);

    public sealed record Failed(SourceFile File, IngestFailure Failure) : ActReading(File);
}

/// <summary>A file, or one record of it, that could not be ingested.</summary>
/// <param name="Line">1-based line of the problem when known (the record's line in a JSONL file).</param>
public sealed record IngestFailure(string Path, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{Path}:{line}: {Reason}" : $"{Path}: {Reason}";
}
