using Assistant.Core.Acts;
using Assistant.Core.Drafts;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Drafts;

/// <summary>
/// Drafts in the catalog's database file, in a table of their own that no search reads: a draft is never law in
/// force. The table is created here, on first open, beside the catalog's.
/// </summary>
public sealed class DraftStore : IDraftStore, IDisposable
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS drafts(
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            language TEXT NOT NULL,
            target_acts TEXT NOT NULL, -- act ids separated by '\n'
            text TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS drafts_created ON drafts(created_at);
        """;

    private readonly ExclusiveConnection _connection;

    private DraftStore(SqliteConnection connection) => _connection = new ExclusiveConnection(connection);

    /// <summary>Opens the store in the catalog at <paramref name="path"/>, creating the file, the catalog's schema and the drafts table when absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static DraftStore Open(string path) => new(CatalogFile.OpenStore(path, Table));

    public Task<Draft> AddAsync(Draft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var saved = draft with { Id = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow };
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO drafts(id, title, status, language, target_acts, text, created_by, created_at)
                    VALUES ($id, $title, $status, $language, $target_acts, $text, $created_by, $created_at)
                    """;
                command.Parameters.AddWithValue("$id", saved.Id);
                command.Parameters.AddWithValue("$title", saved.Title);
                command.Parameters.AddWithValue("$status", saved.Status.ToString());
                command.Parameters.AddWithValue("$language", saved.Language.ToCode());
                command.Parameters.AddWithValue("$target_acts", string.Join('\n', saved.TargetActs));
                command.Parameters.AddWithValue("$text", saved.Text);
                command.Parameters.AddWithValue("$created_by", saved.CreatedBy);
                command.Parameters.AddWithValue("$created_at", StoredTime.Format(saved.CreatedAt));
                command.ExecuteNonQuery();
                return saved;
            },
            cancellationToken);
    }

    public Task<Draft?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, title, status, language, target_acts, text, created_by, created_at FROM drafts WHERE id = $id";
                command.Parameters.AddWithValue("$id", id);
                using var reader = command.ExecuteReader();
                return reader.Read() ? Read(reader) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Draft>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _connection.UseAsync<IReadOnlyList<Draft>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, title, status, language, target_acts, '', created_by, created_at FROM drafts ORDER BY created_at DESC, id DESC LIMIT $limit";
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = command.ExecuteReader();
                var drafts = new List<Draft>();
                while (reader.Read())
                {
                    drafts.Add(Read(reader));
                }

                return drafts;
            },
            cancellationToken);
    }

    public void Dispose() => _connection.Dispose();

    private static Draft Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        Enum.Parse<DraftStatus>(reader.GetString(2)),
        LanguageCodes.Parse(reader.GetString(3)),
        reader.GetString(4).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        reader.GetString(5),
        reader.GetString(6),
        StoredTime.Parse(reader.GetString(7)));
}
