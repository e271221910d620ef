using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Assistant.Core.Vectors;
using Assistant.Storage.Vectors;
using Microsoft.Data.Sqlite;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>What a catalog or a vector index holds, as a count and a hash: equal for stores with equal contents.</summary>
internal sealed record StoreFingerprint(long Count, string Hash)
{
    /// <summary>Every act edition's norms (ids, text, headings, statuses) and their references, ingest times left out.</summary>
    /// <param name="acts">Only these acts; none: all.</param>
    public static StoreFingerprint OfCatalog(string db, params string[] acts)
    {
        using var connection = Open(db);
        var only = acts.Length == 0 ? string.Empty : $"WHERE a.id IN ({string.Join(", ", acts.Select(act => $"'{act}'"))})";
        var rows = Rows(connection, $"""
            SELECT a.id, a.language, a.edition, a.title, a.status, a.is_current, n.norm_id, n.kind, n.heading, n.text, n.path, n.status
            FROM norms n JOIN acts a ON a.act_key = n.act_key {only} ORDER BY a.id, a.language, a.edition, n.norm_id
            """);
        var references = Rows(connection, $"""
            SELECT a.id, a.language, a.edition, n.norm_id, r.ordinal, r.target_act_id, r.target_norm_id
            FROM norm_references r JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key {only}
            ORDER BY a.id, a.language, a.edition, n.norm_id, r.ordinal
            """);
        return new StoreFingerprint(rows.Count, Digest(rows.Concat(references)));
    }

    /// <summary>SQLite's own check of the whole file: "ok" when nothing is damaged.</summary>
    public static string IntegrityOf(string db)
    {
        using var connection = Open(db);
        return string.Join('\n', Rows(connection, "PRAGMA integrity_check"));
    }

    /// <summary>
    /// Every vector's key and content hash, and its exact score against seeded probe vectors: vectors that differ in
    /// any element score differently.
    /// </summary>
    public static async Task<StoreFingerprint> OfVectorsAsync(string folder, int dimensions)
    {
        using var index = EmbeddedVectorIndex.Open(new EmbeddedVectorIndexOptions { Folder = folder, ReadOnly = true });
        var stored = new List<string>();
        await foreach (var vector in index.ListAsync(CancellationToken.None))
        {
            stored.Add($"{vector.Key} {vector.ActId} {vector.ContentHash}");
        }

        var count = stored.Count;
        var random = new Random(11);
        for (var probe = 0; probe < 3; probe++)
        {
            var query = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var hits = await index.SearchAsync(new VectorQuery(query, Math.Max(1, stored.Count), VectorFilter.None), CancellationToken.None);
            stored.AddRange(hits.Select(hit => string.Create(CultureInfo.InvariantCulture, $"{probe} {hit.Key} {hit.Score:R}")));
        }

        return new StoreFingerprint(count, Digest(stored.Order(StringComparer.Ordinal)));
    }

    /// <summary>Read-write, so that a crashed writer's log is recovered as any later opener would; nothing is written.</summary>
    private static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static string Digest(IEnumerable<string> rows) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
}
