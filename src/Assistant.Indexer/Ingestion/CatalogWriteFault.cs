using Microsoft.Data.Sqlite;

namespace Assistant.Indexer.Ingestion;

/// <summary>
/// SQLite errors that say the catalog file cannot take writes at all (a full disk, a file size limit, a failing or
/// read-only disk), as against a problem of the act being saved: every later save would fail alike.
/// </summary>
internal static class CatalogWriteFault
{
    private const int ReadOnly = 8;
    private const int DiskIo = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;

    public static bool Is(SqliteException exception) => exception.SqliteErrorCode is ReadOnly or DiskIo or Corrupt or Full or CannotOpen;

    /// <summary>The error in words, with what usually causes it.</summary>
    public static string Describe(SqliteException exception) => exception.SqliteErrorCode switch
    {
        Full or DiskIo => $"the catalog could not be written (is the disk full?): {exception.Message}",
        _ => $"the catalog could not be written: {exception.Message}",
    };
}
