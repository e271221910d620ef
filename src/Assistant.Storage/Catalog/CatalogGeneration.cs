using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>
/// The catalog's count of saves, kept in the database so that every connection (another process's included) sees
/// when the norms it cached from have changed.
/// </summary>
internal static class CatalogGeneration
{
    /// <summary>Run in each save's transaction.</summary>
    public const string IncrementSql = """
        INSERT INTO catalog_info(key, value) VALUES ('norms_generation', '1')
        ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
        """;

    /// <summary>0 for a catalog never saved to since generations were counted.</summary>
    public static long Read(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(value AS INTEGER) FROM catalog_info WHERE key = 'norms_generation'";
        return command.ExecuteScalar() as long? ?? 0;
    }
}
