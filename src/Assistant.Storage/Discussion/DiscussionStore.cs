using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Discussion;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Discussion;

/// <summary>
/// Public discussions in the catalog's database file: publications, comments, supports (one row per visitor and
/// comment, so a second support is refused by the key) and the moderation log, which triggers keep append-only.
/// </summary>
public sealed class DiscussionStore : IDiscussionStore, IDisposable
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS draft_publications(
            draft_id TEXT PRIMARY KEY,
            published_at TEXT NOT NULL,
            published_by TEXT NOT NULL,
            closes_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS draft_comments(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            draft_id TEXT NOT NULL,
            article TEXT,
            point TEXT,
            text TEXT NOT NULL,
            original TEXT,
            masked TEXT NOT NULL, -- kinds separated by ','
            language TEXT NOT NULL,
            status TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            visitor_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            reason TEXT,
            moderated_by TEXT,
            moderated_at TEXT,
            supports INTEGER NOT NULL DEFAULT 0,
            reply_text TEXT,
            reply_by TEXT,
            reply_at TEXT);
        CREATE INDEX IF NOT EXISTS draft_comments_draft ON draft_comments(draft_id, status);
        CREATE INDEX IF NOT EXISTS draft_comments_status ON draft_comments(status);
        CREATE TABLE IF NOT EXISTS comment_supports(
            comment_id INTEGER NOT NULL,
            visitor_key TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY(comment_id, visitor_key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS moderation_log(
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            role TEXT NOT NULL,
            kind TEXT NOT NULL,
            draft_id TEXT NOT NULL,
            comment_id INTEGER,
            detail TEXT NOT NULL);
        CREATE TRIGGER IF NOT EXISTS moderation_log_no_update BEFORE UPDATE ON moderation_log
            BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END;
        CREATE TABLE IF NOT EXISTS discussion_secret(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            salt BLOB NOT NULL);
        CREATE TRIGGER IF NOT EXISTS moderation_log_no_delete BEFORE DELETE ON moderation_log
            BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END;
        """;

    private const string CommentColumns = """
        id, draft_id, article, point, text, original, masked, language, status, submitted_at, visitor_key, fingerprint,
        reason, moderated_by, moderated_at, supports, reply_text, reply_by, reply_at
        """;

    private readonly ExclusiveConnection _connection;

    private DiscussionStore(SqliteConnection connection)
    {
        VisitorSalt = Salt(connection);
        _connection = new ExclusiveConnection(connection);
    }

    public ReadOnlyMemory<byte> VisitorSalt { get; }

    /// <summary>Opens the store in the catalog at <paramref name="path"/>, creating the file, the catalog's schema and the tables when absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static DiscussionStore Open(string path) => new(CatalogFile.OpenStore(path, Tables));

    /// <summary>The catalog's own random salt, made on first open, so visitor keys stay the same across restarts.</summary>
    private static byte[] Salt(SqliteConnection connection)
    {
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT OR IGNORE INTO discussion_secret(id, salt) VALUES (1, $salt)";
            insert.Parameters.AddWithValue("$salt", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            insert.ExecuteNonQuery();
        }

        using var select = connection.CreateCommand();
        select.CommandText = "SELECT salt FROM discussion_secret WHERE id = 1";
        return (byte[])select.ExecuteScalar()!;
    }

    public Task<Publication> PublishAsync(Publication publication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();

                // A new closing date keeps the first publication's date and author: the discussion began then.
                command.CommandText = """
                    INSERT INTO draft_publications(draft_id, published_at, published_by, closes_at) VALUES ($draft, $at, $by, $closes)
                    ON CONFLICT(draft_id) DO UPDATE SET closes_at = excluded.closes_at
                    RETURNING draft_id, published_at, published_by, closes_at
                    """;
                command.Parameters.AddWithValue("$draft", publication.DraftId);
                command.Parameters.AddWithValue("$at", StoredTime.Format(publication.PublishedAt));
                command.Parameters.AddWithValue("$by", publication.PublishedBy);
                command.Parameters.AddWithValue("$closes", StoredTime.Format(publication.ClosesAt));
                using var reader = command.ExecuteReader();
                reader.Read();
                return ReadPublication(reader);
            },
            cancellationToken);
    }

    public Task<bool> WithdrawAsync(string draftId, CancellationToken cancellationToken) =>
        _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM draft_publications WHERE draft_id = $draft";
                command.Parameters.AddWithValue("$draft", draftId);
                return command.ExecuteNonQuery() > 0;
            },
            cancellationToken);

    public Task<Publication?> GetPublicationAsync(string draftId, CancellationToken cancellationToken) =>
        _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT draft_id, published_at, published_by, closes_at FROM draft_publications WHERE draft_id = $draft";
                command.Parameters.AddWithValue("$draft", draftId);
                using var reader = command.ExecuteReader();
                return reader.Read() ? ReadPublication(reader) : null;
            },
            cancellationToken);

    public Task<IReadOnlyList<Publication>> ListPublicationsAsync(CancellationToken cancellationToken) =>
        _connection.UseAsync<IReadOnlyList<Publication>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT draft_id, published_at, published_by, closes_at FROM draft_publications ORDER BY closes_at DESC, draft_id";
                using var reader = command.ExecuteReader();
                var list = new List<Publication>();
                while (reader.Read())
                {
                    list.Add(ReadPublication(reader));
                }

                return list;
            },
            cancellationToken);

    public Task<Comment> AddCommentAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO draft_comments(draft_id, article, point, text, original, masked, language, status, submitted_at, visitor_key, fingerprint)
                    VALUES ($draft, $article, $point, $text, $original, $masked, $language, $status, $at, $visitor, $fingerprint)
                    RETURNING id
                    """;
                command.Parameters.AddWithValue("$draft", comment.DraftId);
                command.Parameters.AddWithValue("$article", (object?)comment.Article ?? DBNull.Value);
                command.Parameters.AddWithValue("$point", (object?)comment.Point ?? DBNull.Value);
                command.Parameters.AddWithValue("$text", comment.Text);
                command.Parameters.AddWithValue("$original", (object?)comment.Original ?? DBNull.Value);
                command.Parameters.AddWithValue("$masked", string.Join(',', comment.Masked));
                command.Parameters.AddWithValue("$language", comment.Language.ToCode());
                command.Parameters.AddWithValue("$status", comment.Status.ToString());
                command.Parameters.AddWithValue("$at", StoredTime.Format(comment.SubmittedAt));
                command.Parameters.AddWithValue("$visitor", comment.VisitorKey);
                command.Parameters.AddWithValue("$fingerprint", comment.Fingerprint);
                return comment with { Id = (long)command.ExecuteScalar()! };
            },
            cancellationToken);
    }

    public Task<Comment?> GetCommentAsync(long id, CancellationToken cancellationToken) =>
        _connection.UseAsync(connection => SelectComment(connection, id), cancellationToken);

    public Task<IReadOnlyList<Comment>> ListCommentsAsync(string? draftId, CommentStatus? status, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _connection.UseAsync<IReadOnlyList<Comment>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT {CommentColumns} FROM draft_comments
                    WHERE ($draft IS NULL OR draft_id = $draft) AND ($status IS NULL OR status = $status)
                    ORDER BY id LIMIT $limit
                    """;
                command.Parameters.AddWithValue("$draft", (object?)draftId ?? DBNull.Value);
                command.Parameters.AddWithValue("$status", (object?)status?.ToString() ?? DBNull.Value);
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = command.ExecuteReader();
                var list = new List<Comment>();
                while (reader.Read())
                {
                    list.Add(ReadComment(reader));
                }

                return list;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> FingerprintsAsync(string draftId, CancellationToken cancellationToken) =>
        _connection.UseAsync<IReadOnlyList<string>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT fingerprint FROM draft_comments WHERE draft_id = $draft AND status <> $rejected";
                command.Parameters.AddWithValue("$draft", draftId);
                command.Parameters.AddWithValue("$rejected", nameof(CommentStatus.Rejected));
                using var reader = command.ExecuteReader();
                var list = new List<string>();
                while (reader.Read())
                {
                    list.Add(reader.GetString(0));
                }

                return list;
            },
            cancellationToken);

    public Task<Comment?> ModerateAsync(long id, CommentStatus decision, string moderator, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (decision == CommentStatus.Pending)
        {
            throw new ArgumentException("A comment is moderated to Published or Rejected.", nameof(decision));
        }

        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();

                // The original is the personal data masking hid: once decided, nobody needs it.
                command.CommandText = """
                    UPDATE draft_comments SET status = $status, reason = $reason, moderated_by = $by, moderated_at = $at, original = NULL
                    WHERE id = $id AND status = $pending
                    """;
                command.Parameters.AddWithValue("$status", decision.ToString());
                command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
                command.Parameters.AddWithValue("$by", moderator);
                command.Parameters.AddWithValue("$at", StoredTime.Format(at));
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$pending", nameof(CommentStatus.Pending));
                return command.ExecuteNonQuery() == 0 ? null : SelectComment(connection, id);
            },
            cancellationToken);
    }

    public Task<Comment?> ReplyAsync(long id, CommentReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE draft_comments SET reply_text = $text, reply_by = $by, reply_at = $at WHERE id = $id AND status = $published";
                command.Parameters.AddWithValue("$text", reply.Text);
                command.Parameters.AddWithValue("$by", reply.By);
                command.Parameters.AddWithValue("$at", StoredTime.Format(reply.At));
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$published", nameof(CommentStatus.Published));
                return command.ExecuteNonQuery() == 0 ? null : SelectComment(connection, id);
            },
            cancellationToken);
    }

    public Task<int?> SupportAsync(long commentId, string visitorKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        _connection.UseAsync<int?>(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT OR IGNORE INTO comment_supports(comment_id, visitor_key, at) VALUES ($id, $visitor, $at)";
                insert.Parameters.AddWithValue("$id", commentId);
                insert.Parameters.AddWithValue("$visitor", visitorKey);
                insert.Parameters.AddWithValue("$at", StoredTime.Format(at));
                if (insert.ExecuteNonQuery() == 0)
                {
                    return null;
                }

                using var count = connection.CreateCommand();
                count.Transaction = transaction;
                count.CommandText = "UPDATE draft_comments SET supports = supports + 1 WHERE id = $id RETURNING supports";
                count.Parameters.AddWithValue("$id", commentId);
                var supports = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
                transaction.Commit();
                return supports;
            },
            cancellationToken);

    public Task<IReadOnlyDictionary<string, (int Comments, int Supports)>> PublishedCountsAsync(CancellationToken cancellationToken) =>
        _connection.UseAsync<IReadOnlyDictionary<string, (int Comments, int Supports)>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT draft_id, COUNT(*), SUM(supports) FROM draft_comments WHERE status = $published GROUP BY draft_id";
                command.Parameters.AddWithValue("$published", nameof(CommentStatus.Published));
                using var reader = command.ExecuteReader();
                var counts = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
                while (reader.Read())
                {
                    counts[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2));
                }

                return counts;
            },
            cancellationToken);

    public Task<ModerationRecord> AppendModerationAsync(ModerationAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO moderation_log(at, user, role, kind, draft_id, comment_id, detail)
                    VALUES ($at, $user, $role, $kind, $draft, $comment, $detail)
                    RETURNING sequence
                    """;
                command.Parameters.AddWithValue("$at", StoredTime.Format(action.At));
                command.Parameters.AddWithValue("$user", action.User);
                command.Parameters.AddWithValue("$role", action.Role);
                command.Parameters.AddWithValue("$kind", action.Kind.ToString());
                command.Parameters.AddWithValue("$draft", action.DraftId);
                command.Parameters.AddWithValue("$comment", (object?)action.CommentId ?? DBNull.Value);
                command.Parameters.AddWithValue("$detail", action.Detail);
                return new ModerationRecord((long)command.ExecuteScalar()!, action);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ModerationRecord>> ModerationLogAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _connection.UseAsync<IReadOnlyList<ModerationRecord>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT sequence, at, user, role, kind, draft_id, comment_id, detail FROM moderation_log ORDER BY sequence DESC LIMIT $limit";
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = command.ExecuteReader();
                var list = new List<ModerationRecord>();
                while (reader.Read())
                {
                    list.Add(new ModerationRecord(reader.GetInt64(0), new ModerationAction(
                        StoredTime.Parse(reader.GetString(1)),
                        reader.GetString(2),
                        reader.GetString(3),
                        Enum.Parse<ModerationActionKind>(reader.GetString(4)),
                        reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetInt64(6),
                        reader.GetString(7))));
                }

                return list;
            },
            cancellationToken);
    }

    public void Dispose() => _connection.Dispose();

    private static Comment? SelectComment(SqliteConnection connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {CommentColumns} FROM draft_comments WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadComment(reader) : null;
    }

    private static Publication ReadPublication(SqliteDataReader reader) => new(
        reader.GetString(0),
        StoredTime.Parse(reader.GetString(1)),
        reader.GetString(2),
        StoredTime.Parse(reader.GetString(3)));

    private static Comment ReadComment(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        NullableString(reader, 2),
        NullableString(reader, 3),
        reader.GetString(4),
        NullableString(reader, 5),
        [.. reader.GetString(6).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PersonalDataKind>)],
        LanguageCodes.Parse(reader.GetString(7)),
        Enum.Parse<CommentStatus>(reader.GetString(8)),
        StoredTime.Parse(reader.GetString(9)),
        reader.GetString(10),
        reader.GetString(11))
    {
        Reason = NullableString(reader, 12),
        ModeratedBy = NullableString(reader, 13),
        ModeratedAt = reader.IsDBNull(14) ? null : StoredTime.Parse(reader.GetString(14)),
        Supports = reader.GetInt32(15),
        Reply = reader.IsDBNull(16) ? null : new CommentReply(reader.GetString(16), reader.GetString(17), StoredTime.Parse(reader.GetString(18))),
    };

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
