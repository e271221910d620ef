using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>
/// Connections to the catalog's database file, which also holds conversations and the audit trail: whichever of
/// them opens the file first creates the whole schema.
/// </summary>
internal static class CatalogFile
{
    /// <summary>SQLite's result code for a file that is not a database.</summary>
    private const int NotADatabase = 26;

    /// <summary>The absolute path, with its folder created.</summary>
    public static string Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return fullPath;
    }

    /// <summary>
    /// A read-write connection to the catalog at <paramref name="path"/>, with the schema created or checked and the
    /// tables of a store that keeps its own (drafts, forecast jobs) created when absent.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a RagLegal catalog of this schema version.</exception>
    public static SqliteConnection OpenStore(string path, string tables)
    {
        var connection = OpenWriter(Prepare(path));
        try
        {
            Execute(connection, tables);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A read-write connection, with the schema created or checked.</summary>
    /// <exception cref="InvalidDataException">The file is not a RagLegal catalog of this schema version.</exception>
    public static SqliteConnection OpenWriter(string fullPath)
    {
        var connection = Connect(fullPath);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            CatalogSchema.Ensure(connection, fullPath);
            return connection;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == NotADatabase)
        {
            connection.Dispose();
            throw new InvalidDataException($"'{fullPath}' is not a RagLegal catalog (not an SQLite database).", exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A connection that cannot write, for a file a writer has already opened: in WAL mode it reads the last commit
    /// while writers go on.
    /// </summary>
    public static SqliteConnection OpenReader(string fullPath)
    {
        var connection = Connect(fullPath);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA query_only = 1;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Each connection is owned for its lifetime, so ADO.NET pooling would only keep closed files open.
    private static SqliteConnection Connect(string fullPath) =>
        new(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString());

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
