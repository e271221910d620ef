using Assistant.Core.Conversations;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Conversations;

/// <summary>Conversations kept in the catalog's database file, on one connection that callers take turns on.</summary>
public sealed class ConversationStore : IConversationStore, IDisposable
{
    private readonly ExclusiveConnection _connection;

    private ConversationStore(SqliteConnection connection) => _connection = new ExclusiveConnection(connection);

    /// <summary>Opens the store in the catalog at <paramref name="path"/>, creating the file and the catalog's schema when absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static ConversationStore Open(string path) => new(CatalogFile.OpenWriter(CatalogFile.Prepare(path)));

    public Task<string> StartAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var id = Guid.NewGuid().ToString("N");
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO conversations(id, owner, created_at) VALUES ($id, $owner, $created_at)";
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$owner", owner);
                command.Parameters.AddWithValue("$created_at", StoredTime.Format(DateTimeOffset.UtcNow));
                command.ExecuteNonQuery();
                return id;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ConversationMessage>?> GetAsync(string conversationId, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(owner);
        return _connection.UseAsync<IReadOnlyList<ConversationMessage>?>(connection => Messages(connection, conversationId, owner), cancellationToken);
    }

    public Task<IReadOnlyList<ConversationSummary>> ListAsync(string owner, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _connection.UseAsync<IReadOnlyList<ConversationSummary>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT c.id, c.created_at, max(m.at),
                           (SELECT content FROM conversation_messages f WHERE f.conversation_id = c.id AND f.role = 'User' ORDER BY f.ordinal LIMIT 1),
                           count(*)
                    FROM conversations c JOIN conversation_messages m ON m.conversation_id = c.id
                    WHERE c.owner = $owner
                    GROUP BY c.id
                    ORDER BY max(m.at) DESC
                    LIMIT $limit
                    """;
                command.Parameters.AddWithValue("$owner", owner);
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = command.ExecuteReader();
                var conversations = new List<ConversationSummary>();
                while (reader.Read())
                {
                    conversations.Add(new ConversationSummary(
                        reader.GetString(0),
                        StoredTime.Parse(reader.GetString(1)),
                        StoredTime.Parse(reader.GetString(2)),
                        reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                        reader.GetInt32(4)));
                }

                return conversations;
            },
            cancellationToken);
    }

    public Task AppendAsync(string conversationId, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Any(message => message?.Content is null))
        {
            throw new ArgumentException("Every message needs content.", nameof(messages));
        }

        return _connection.UseAsync(connection => Append(connection, conversationId, messages), cancellationToken);
    }

    public void Dispose() => _connection.Dispose();

    private static List<ConversationMessage>? Messages(SqliteConnection connection, string conversationId, string owner)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner FROM conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        if (command.ExecuteScalar() as string != owner)
        {
            return null;
        }

        command.CommandText = "SELECT role, content, at FROM conversation_messages WHERE conversation_id = $id ORDER BY ordinal";
        using var reader = command.ExecuteReader();
        var messages = new List<ConversationMessage>();
        while (reader.Read())
        {
            messages.Add(new ConversationMessage(Enum.Parse<ConversationRole>(reader.GetString(0)), reader.GetString(1), StoredTime.Parse(reader.GetString(2))));
        }

        return messages;
    }

    private static void Append(SqliteConnection connection, string conversationId, IReadOnlyList<ConversationMessage> messages)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT (SELECT coalesce(max(ordinal) + 1, 0) FROM conversation_messages WHERE conversation_id = $id)
            FROM conversations WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        if (command.ExecuteScalar() is not long next)
        {
            throw new KeyNotFoundException($"No conversation has the id '{conversationId}'.");
        }

        command.CommandText = "INSERT INTO conversation_messages(conversation_id, ordinal, role, content, at) VALUES ($id, $ordinal, $role, $content, $at)";
        var ordinal = command.Parameters.Add("$ordinal", SqliteType.Integer);
        var role = command.Parameters.Add("$role", SqliteType.Text);
        var content = command.Parameters.Add("$content", SqliteType.Text);
        var at = command.Parameters.Add("$at", SqliteType.Text);
        foreach (var message in messages)
        {
            ordinal.Value = next++;
            role.Value = message.Role.ToString();
            content.Value = message.Content;
            at.Value = StoredTime.Format(message.At);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
