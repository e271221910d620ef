using System.Runtime.CompilerServices;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Findings;

/// <summary>
/// Findings in the catalog's database file, beside the acts they are about. Reviews live in a table of their own,
/// keyed by finding id, so that a finding that leaves the list and comes back (an act re-ingested, a threshold moved)
/// finds the expert's status it had.
/// </summary>
public sealed class FindingStore : IFindingStore, IDisposable
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS findings(
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            act_id TEXT NOT NULL,
            language TEXT NOT NULL,
            norm TEXT NOT NULL,
            other_act_id TEXT,
            other_norm TEXT,
            text TEXT NOT NULL,
            other_text TEXT,
            differs TEXT NOT NULL,
            reason TEXT NOT NULL,
            score REAL NOT NULL,
            priority INTEGER NOT NULL, -- FindingPriority's value: High first
            inbound INTEGER NOT NULL,
            first_found TEXT NOT NULL,
            last_found TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS findings_act ON findings(kind, act_id, language);
        CREATE INDEX IF NOT EXISTS findings_act_only ON findings(act_id);
        CREATE INDEX IF NOT EXISTS findings_other_act ON findings(other_act_id);
        CREATE INDEX IF NOT EXISTS findings_order ON findings(priority, score DESC);
        CREATE TABLE IF NOT EXISTS finding_reviews(
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            comment TEXT,
            reviewed_by TEXT,
            reviewed_at TEXT) WITHOUT ROWID;
        """;

    private const string Columns = """
        f.id, f.kind, f.language, f.norm, f.other_norm, f.text, f.other_text, f.differs, f.reason, f.score, f.priority, f.inbound,
        f.first_found, f.last_found, r.status, r.comment, r.reviewed_by, r.reviewed_at
        """;

    private readonly ExclusiveConnection _connection;

    private FindingStore(SqliteConnection connection) => _connection = new ExclusiveConnection(connection);

    /// <summary>Opens the store in the catalog at <paramref name="path"/>, creating the file, the catalog's schema and the findings tables when absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static FindingStore Open(string path) => new(CatalogFile.OpenStore(path, Tables));

    public Task<FindingMerge> ReplaceAsync(FindingKind kind, string actId, Language language, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        ArgumentNullException.ThrowIfNull(findings);
        var now = StoredTime.Format(DateTimeOffset.UtcNow);
        return _connection.UseAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                var before = new HashSet<string>(StringComparer.Ordinal);
                using (var select = connection.CreateCommand())
                {
                    select.CommandText = "SELECT id FROM findings WHERE kind = $kind AND act_id = $act AND language = $language";
                    AddScope(select, kind, actId, language);
                    using var reader = select.ExecuteReader();
                    while (reader.Read())
                    {
                        before.Add(reader.GetString(0));
                    }
                }

                // A detector may meet the same pair twice (two sentences, two values): the first, best-ranked, stands.
                var found = findings.DistinctBy(f => f.Id, StringComparer.Ordinal).ToList();
                var foundIds = found.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
                using (var delete = connection.CreateCommand())
                {
                    delete.CommandText = "DELETE FROM findings WHERE id = $id";
                    var id = delete.Parameters.Add("$id", SqliteType.Text);
                    foreach (var gone in before.Where(b => !foundIds.Contains(b)))
                    {
                        id.Value = gone;
                        delete.ExecuteNonQuery();
                    }
                }

                using (var upsert = connection.CreateCommand())
                {
                    upsert.CommandText = """
                        INSERT INTO findings(id, kind, act_id, language, norm, other_act_id, other_norm, text, other_text, differs, reason, score, priority, inbound, first_found, last_found)
                        VALUES ($id, $kind, $act, $language, $norm, $other_act, $other_norm, $text, $other_text, $differs, $reason, $score, $priority, $inbound, $now, $now)
                        ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, act_id = excluded.act_id, language = excluded.language, norm = excluded.norm,
                            other_act_id = excluded.other_act_id, other_norm = excluded.other_norm, text = excluded.text, other_text = excluded.other_text,
                            differs = excluded.differs, reason = excluded.reason, score = excluded.score, priority = excluded.priority,
                            inbound = excluded.inbound, last_found = excluded.last_found
                        """;
                    AddScope(upsert, kind, actId, language);
                    upsert.Parameters.AddWithValue("$now", now);
                    foreach (var finding in found)
                    {
                        if (finding.Kind != kind || finding.Language != language)
                        {
                            throw new ArgumentException($"Finding '{finding.Id}' is a {finding.Kind.ToCode()} finding in {finding.Language.ToCode()}, not {kind.ToCode()} in {language.ToCode()}.", nameof(findings));
                        }

                        Set(upsert, "$id", finding.Id);
                        Set(upsert, "$norm", finding.Norm);
                        Set(upsert, "$other_act", finding.OtherNorm is { } other ? ActOf(other) : null);
                        Set(upsert, "$other_norm", finding.OtherNorm);
                        Set(upsert, "$text", finding.Text);
                        Set(upsert, "$other_text", finding.OtherText);
                        Set(upsert, "$differs", finding.Differs);
                        Set(upsert, "$reason", finding.Reason);
                        Set(upsert, "$score", finding.Score);
                        Set(upsert, "$priority", (int)finding.Priority);
                        Set(upsert, "$inbound", finding.InboundReferences);
                        upsert.ExecuteNonQuery();
                    }
                }

                transaction.Commit();
                var kept = found.Count(f => before.Contains(f.Id));
                return new FindingMerge(found.Count - kept, kept, before.Count - kept);
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<StoredFinding> ListAsync(FindingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Limit);
        var page = await _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                var conditions = new List<string>();
                if (filter.ActId is { } act)
                {
                    conditions.Add("(f.act_id = $act OR f.other_act_id = $act)");
                    command.Parameters.AddWithValue("$act", act);
                }

                if (filter.Kind is { } kind)
                {
                    conditions.Add("f.kind = $kind");
                    command.Parameters.AddWithValue("$kind", kind.ToCode());
                }

                if (filter.Status is { } status)
                {
                    conditions.Add(status == FindingStatus.New ? "(r.status IS NULL OR r.status = $status)" : "r.status = $status");
                    command.Parameters.AddWithValue("$status", status.ToCode());
                }

                if (filter.Language is { } language)
                {
                    conditions.Add("f.language = $language");
                    command.Parameters.AddWithValue("$language", language.ToCode());
                }

                var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
                command.CommandText = $"""
                    SELECT {Columns} FROM findings f LEFT JOIN finding_reviews r ON r.id = f.id {where}
                    ORDER BY f.priority, f.score DESC, f.id LIMIT $limit OFFSET $offset
                    """;
                command.Parameters.AddWithValue("$limit", filter.Limit);
                command.Parameters.AddWithValue("$offset", filter.Offset);
                using var reader = command.ExecuteReader();
                var findings = new List<StoredFinding>();
                while (reader.Read())
                {
                    findings.Add(Read(reader));
                }

                return findings;
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var finding in page)
        {
            yield return finding;
        }
    }

    public Task<StoredFinding?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _connection.UseAsync(connection => Get(connection, id), cancellationToken);
    }

    public Task<StoredFinding?> ReviewAsync(string id, FindingReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(review);
        return _connection.UseAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                if (Get(connection, id) is null)
                {
                    return null;
                }

                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO finding_reviews(id, status, comment, reviewed_by, reviewed_at) VALUES ($id, $status, $comment, $by, $at)
                    ON CONFLICT(id) DO UPDATE SET status = excluded.status, comment = excluded.comment, reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at
                    """;
                Set(command, "$id", id);
                Set(command, "$status", review.Status.ToCode());
                Set(command, "$comment", review.Comment);
                Set(command, "$by", review.ReviewedBy);
                Set(command, "$at", review.ReviewedAt is { } at ? StoredTime.Format(at) : null);
                command.ExecuteNonQuery();
                var reviewed = Get(connection, id);
                transaction.Commit();
                return reviewed;
            },
            cancellationToken);
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The act a norm id names: the part before its first '/' (a bare act id names itself).</summary>
    private static string ActOf(string norm) => norm.Split('/', 2)[0];

    private static StoredFinding? Get(SqliteConnection connection, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM findings f LEFT JOIN finding_reviews r ON r.id = f.id WHERE f.id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static StoredFinding Read(SqliteDataReader reader)
    {
        var finding = new Finding(
            reader.GetString(0),
            FindingKinds.Parse(reader.GetString(1)),
            LanguageCodes.Parse(reader.GetString(2)),
            reader.GetString(3),
            Nullable(reader, 4),
            reader.GetString(5),
            Nullable(reader, 6),
            reader.GetString(7),
            reader.GetString(8),
            reader.GetDouble(9),
            (FindingPriority)reader.GetInt32(10),
            reader.GetInt32(11));
        var review = Nullable(reader, 14) is { } status && FindingStatuses.TryParse(status, out var parsed)
            ? new FindingReview(parsed, Nullable(reader, 15), Nullable(reader, 16), Nullable(reader, 17) is { } at ? StoredTime.Parse(at) : null)
            : FindingReview.Unreviewed;
        return new StoredFinding(finding, review, StoredTime.Parse(reader.GetString(12)), StoredTime.Parse(reader.GetString(13)));
    }

    private static void AddScope(SqliteCommand command, FindingKind kind, string actId, Language language)
    {
        command.Parameters.AddWithValue("$kind", kind.ToCode());
        command.Parameters.AddWithValue("$act", actId);
        command.Parameters.AddWithValue("$language", language.ToCode());
    }

    private static void Set(SqliteCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static string? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
