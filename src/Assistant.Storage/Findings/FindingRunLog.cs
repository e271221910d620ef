using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Findings;

/// <summary>
/// What the analysis has done, in the catalog's file: for each kind, which text (digest) of each act's edition it last
/// analysed, and the plan of a run under way, so that a killed run resumes at the next act and a later run redoes only
/// what changed.
/// </summary>
public sealed class FindingRunLog : IDisposable
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS finding_analysed(
            kind TEXT NOT NULL,
            act_id TEXT NOT NULL,
            language TEXT NOT NULL,
            digest TEXT NOT NULL,
            generation INTEGER NOT NULL, -- the catalog's generation the act was analysed against
            analysed_at TEXT NOT NULL,
            PRIMARY KEY(kind, act_id, language)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS finding_plan(
            kind TEXT NOT NULL,
            act_id TEXT NOT NULL,
            language TEXT NOT NULL,
            PRIMARY KEY(kind, act_id, language)) WITHOUT ROWID;
        """;

    private readonly ExclusiveConnection _connection;

    private FindingRunLog(SqliteConnection connection) => _connection = new ExclusiveConnection(connection);

    public static FindingRunLog Open(string path) => new(CatalogFile.OpenStore(path, Tables));

    /// <summary>The digest of each act edition's text when the kind last analysed it, and the catalog's generation then.</summary>
    public Task<Dictionary<(string ActId, Language Language), (string Digest, long Generation)>> AnalysedAsync(FindingKind kind, CancellationToken cancellationToken) =>
        _connection.UseAsync(
            connection =>
            {
                using var command = Command(connection, "SELECT act_id, language, digest, generation FROM finding_analysed WHERE kind = $kind", kind);
                using var reader = command.ExecuteReader();
                var analysed = new Dictionary<(string, Language), (string, long)>();
                while (reader.Read())
                {
                    analysed[(reader.GetString(0), LanguageCodes.Parse(reader.GetString(1)))] = (reader.GetString(2), reader.GetInt64(3));
                }

                return analysed;
            },
            cancellationToken);

    /// <summary>The act editions a run planned for the kind and did not reach.</summary>
    public Task<List<(string ActId, Language Language)>> PlannedAsync(FindingKind kind, CancellationToken cancellationToken) =>
        _connection.UseAsync(
            connection =>
            {
                using var command = Command(connection, "SELECT act_id, language FROM finding_plan WHERE kind = $kind", kind);
                using var reader = command.ExecuteReader();
                var planned = new List<(string, Language)>();
                while (reader.Read())
                {
                    planned.Add((reader.GetString(0), LanguageCodes.Parse(reader.GetString(1))));
                }

                return planned;
            },
            cancellationToken);

    public Task PlanAsync(FindingKind kind, IEnumerable<(string ActId, Language Language)> acts, CancellationToken cancellationToken) =>
        _connection.UseAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                using var command = Command(connection, "INSERT OR IGNORE INTO finding_plan(kind, act_id, language) VALUES ($kind, $act, $language)", kind);
                var act = command.Parameters.Add("$act", SqliteType.Text);
                var language = command.Parameters.Add("$language", SqliteType.Text);
                foreach (var (id, lang) in acts)
                {
                    act.Value = id;
                    language.Value = lang.ToCode();
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
            },
            cancellationToken);

    /// <summary>Marks the act edition analysed at this digest and generation (null: gone from the catalog, forgotten) and takes it off the plan.</summary>
    public Task DoneAsync(FindingKind kind, string actId, Language language, string? digest, long generation, CancellationToken cancellationToken) =>
        _connection.UseAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                using var command = Command(
                    connection,
                    digest is null
                        ? "DELETE FROM finding_analysed WHERE kind = $kind AND act_id = $act AND language = $language"
                        : "INSERT OR REPLACE INTO finding_analysed(kind, act_id, language, digest, generation, analysed_at) VALUES ($kind, $act, $language, $digest, $generation, $at)",
                    kind);
                command.Parameters.AddWithValue("$act", actId);
                command.Parameters.AddWithValue("$language", language.ToCode());
                if (digest is not null)
                {
                    command.Parameters.AddWithValue("$digest", digest);
                    command.Parameters.AddWithValue("$generation", generation);
                    command.Parameters.AddWithValue("$at", StoredTime.Format(DateTimeOffset.UtcNow));
                }

                command.ExecuteNonQuery();
                using var unplan = Command(connection, "DELETE FROM finding_plan WHERE kind = $kind AND act_id = $act AND language = $language", kind);
                unplan.Parameters.AddWithValue("$act", actId);
                unplan.Parameters.AddWithValue("$language", language.ToCode());
                unplan.ExecuteNonQuery();
                transaction.Commit();
            },
            cancellationToken);

    public void Dispose() => _connection.Dispose();

    private static SqliteCommand Command(SqliteConnection connection, string sql, FindingKind kind)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$kind", kind.ToCode());
        return command;
    }
}
