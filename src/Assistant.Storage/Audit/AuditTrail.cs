using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Core.Audit;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Audit;

/// <summary>
/// The audit trail in the catalog's database file. Triggers refuse any change to a stored row, whoever connects;
/// appends take turns on one connection, and every read streams from a connection of its own so that a long export
/// does not hold appends up.
/// </summary>
public sealed class AuditTrail : IAuditTrail, IDisposable
{
    private const string Columns = "sequence, at, user, role, conversation_id, question, sources, citations, answer_sha256";

    private readonly string _fullPath;
    private readonly ExclusiveConnection _connection;

    private AuditTrail(string fullPath, SqliteConnection connection)
    {
        _fullPath = fullPath;
        _connection = new ExclusiveConnection(connection);
    }

    /// <summary>Opens the trail in the catalog at <paramref name="path"/>, creating the file and the catalog's schema when absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static AuditTrail Open(string path)
    {
        var fullPath = CatalogFile.Prepare(path);
        return new AuditTrail(fullPath, CatalogFile.OpenWriter(fullPath));
    }

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Sources);
        ArgumentNullException.ThrowIfNull(entry.Citations);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO audit_log(at, user, role, conversation_id, question, sources, citations, answer_sha256)
                    VALUES ($at, $user, $role, $conversation_id, $question, $sources, $citations, $answer_sha256)
                    RETURNING sequence
                    """;
                command.Parameters.AddWithValue("$at", StoredTime.Format(entry.At));
                command.Parameters.AddWithValue("$user", entry.User);
                command.Parameters.AddWithValue("$role", entry.Role);
                command.Parameters.AddWithValue("$conversation_id", (object?)entry.ConversationId ?? DBNull.Value);
                command.Parameters.AddWithValue("$question", entry.Question);
                command.Parameters.AddWithValue("$sources", JsonSerializer.Serialize(entry.Sources));
                command.Parameters.AddWithValue("$citations", JsonSerializer.Serialize(entry.Citations));
                command.Parameters.AddWithValue("$answer_sha256", entry.AnswerSha256);
                return new AuditRecord((long)command.ExecuteScalar()!, entry);
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<AuditRecord> ReadAsync(
        DateTimeOffset? since,
        DateTimeOffset? until,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = CatalogFile.OpenReader(_fullPath);
        using var command = connection.CreateCommand();
        var conditions = new List<string>();
        if (since is { } from)
        {
            conditions.Add("at >= $since");
            command.Parameters.AddWithValue("$since", StoredTime.Format(from));
        }

        if (until is { } to)
        {
            conditions.Add("at < $until");
            command.Parameters.AddWithValue("$until", StoredTime.Format(to));
        }

        command.CommandText = $"""
            SELECT {Columns} FROM audit_log
            {(conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions))}
            ORDER BY at, sequence
            """;
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return Record(reader);
            }
        }
    }

    public void Dispose() => _connection.Dispose();

    private static AuditRecord Record(SqliteDataReader reader) =>
        new(
            reader.GetInt64(0),
            new AuditEntry(
                StoredTime.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                NormIds(reader.GetString(6)),
                NormIds(reader.GetString(7)),
                reader.GetString(8)));

    private static string[] NormIds(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
