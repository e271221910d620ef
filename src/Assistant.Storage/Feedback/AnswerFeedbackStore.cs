using Assistant.Core.Feedback;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Feedback;

/// <summary>Feedback on answers in the catalog's database file, one row per judgement.</summary>
public sealed class AnswerFeedbackStore : IAnswerFeedbackStore, IDisposable
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS answer_feedback(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user_name TEXT NOT NULL,
            role TEXT NOT NULL,
            conversation_id TEXT,
            kind TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            mode TEXT NOT NULL,
            citations TEXT NOT NULL,
            comment TEXT);
        CREATE INDEX IF NOT EXISTS answer_feedback_kind ON answer_feedback(kind);
        """;

    private readonly ExclusiveConnection _connection;

    private AnswerFeedbackStore(SqliteConnection connection) => _connection = new ExclusiveConnection(connection);

    /// <summary>Opens the store in the catalog at <paramref name="path"/>, creating the file, the catalog's schema and the table when absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static AnswerFeedbackStore Open(string path) => new(CatalogFile.OpenStore(path, Table));

    public Task<AnswerFeedback> AddAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO answer_feedback(at, user_name, role, conversation_id, kind, question, answer, mode, citations, comment)
                    VALUES ($at, $user, $role, $conversation, $kind, $question, $answer, $mode, $citations, $comment)
                    RETURNING id
                    """;
                command.Parameters.AddWithValue("$at", StoredTime.Format(feedback.At));
                command.Parameters.AddWithValue("$user", feedback.User);
                command.Parameters.AddWithValue("$role", feedback.Role);
                command.Parameters.AddWithValue("$conversation", (object?)feedback.ConversationId ?? DBNull.Value);
                command.Parameters.AddWithValue("$kind", feedback.Kind.ToString());
                command.Parameters.AddWithValue("$question", feedback.Question);
                command.Parameters.AddWithValue("$answer", feedback.Answer);
                command.Parameters.AddWithValue("$mode", feedback.Mode);
                command.Parameters.AddWithValue("$citations", string.Join('\n', feedback.Citations));
                command.Parameters.AddWithValue("$comment", (object?)feedback.Comment ?? DBNull.Value);
                return feedback with { Id = (long)command.ExecuteScalar()! };
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AnswerFeedback>> ListAsync(FeedbackKind? kind, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _connection.UseAsync<IReadOnlyList<AnswerFeedback>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT id, at, user_name, role, conversation_id, kind, question, answer, mode, citations, comment
                    FROM answer_feedback WHERE $kind IS NULL OR kind = $kind ORDER BY id DESC LIMIT $limit
                    """;
                command.Parameters.AddWithValue("$kind", (object?)kind?.ToString() ?? DBNull.Value);
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = command.ExecuteReader();
                var list = new List<AnswerFeedback>();
                while (reader.Read())
                {
                    list.Add(new AnswerFeedback(
                        reader.GetInt64(0),
                        StoredTime.Parse(reader.GetString(1)),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        Enum.Parse<FeedbackKind>(reader.GetString(5)),
                        reader.GetString(6),
                        reader.GetString(7),
                        reader.GetString(8),
                        reader.GetString(9).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                        reader.IsDBNull(10) ? null : reader.GetString(10)));
                }

                return list;
            },
            cancellationToken);
    }

    public void Dispose() => _connection.Dispose();
}
