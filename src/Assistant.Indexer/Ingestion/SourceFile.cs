namespace Assistant.Indexer.Ingestion;

public enum SourceFormat
{
    /// <summary>One act in Adilet text form; the file name is its document code.</summary>
    AdiletText,

    /// <summary>One act per line: <c>{"id","lang","title","status"?,"edition"?,"text"}</c>, optionally gzipped.</summary>
    BulkJsonl,
}

/// <summary>A file to ingest, with its size for progress and throughput figures.</summary>
public sealed record SourceFile(string Path, SourceFormat Format, long Length);
