using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Editions;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>What <see cref="LegalCatalog.ResolveEditions"/> decided and did.</summary>
/// <param name="Renamed">Records now stored as an edition of the act they were matched to.</param>
/// <param name="Dropped">Records removed as duplicates of an edition already stored; their ids name that edition.</param>
public sealed record EditionIdentityResult(IdentityReport Report, int Renamed, int Dropped);

/// <summary>
/// Applies <see cref="EditionMatcher"/> to the catalog in one transaction: a matched record's rows take the act's id
/// (its norm ids and the references inside it with them), a duplicate is dropped, every matched record id is kept in
/// <c>act_records</c> as a name of its edition, and the newest edition of each act and language becomes current.
/// </summary>
internal sealed class EditionIdentity(SqliteConnection connection, ActWriter writer)
{
    public EditionIdentityResult Resolve()
    {
        var records = ReadRecords();
        var report = EditionMatcher.Match(records);
        using var transaction = connection.BeginTransaction();
        var (renamed, dropped) = (0, 0);
        // Renames first, so that a duplicate finds the edition it repeats under the act's id.
        foreach (var match in report.Matches.OrderBy(m => m.Duplicate))
        {
            var record = match.Record;
            var edition = record.Edition ?? string.Empty;
            var detail = match.Detail;
            var duplicate = match.Duplicate;
            if (!duplicate && record.ActId != match.ActId && Exists(transaction, match.ActId, record.Language, edition))
            {
                // The act holds this edition already (read from another source): the record is that edition again.
                duplicate = true;
                detail += $"; edition {edition} is stored already";
            }

            if (duplicate)
            {
                writer.Drop(transaction, record.ActId, record.Language, edition);
                edition = EditionOf(transaction, match.ActId, record.Language, match.Record.TextDigest) ?? edition;
                dropped++;
            }
            else if (record.ActId != match.ActId)
            {
                Rename(transaction, record, match.ActId, edition);
                renamed++;
            }

            Execute(
                transaction,
                """
                INSERT INTO act_records(record_id, language, act_id, edition, rule, detail) VALUES ($record, $language, $act, $edition, $rule, $detail)
                ON CONFLICT(record_id, language) DO UPDATE SET act_id = excluded.act_id, edition = excluded.edition, rule = excluded.rule, detail = excluded.detail
                """,
                ("$record", record.RecordId),
                ("$language", record.Language.ToCode()),
                ("$act", match.ActId),
                ("$edition", edition),
                ("$rule", match.Rule.ToCode()),
                ("$detail", detail));
        }

        Execute(
            transaction,
            "UPDATE acts SET is_current = (edition = (SELECT max(b.edition) FROM acts b WHERE b.id = acts.id AND b.language = acts.language))");
        Execute(transaction, CatalogGeneration.IncrementSql);
        transaction.Commit();
        return new EditionIdentityResult(report, renamed, dropped);
    }

    private List<ActRecord> ReadRecords()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT record_id, id, language, kind, title, adopted_on, number, edition, source, text_digest FROM acts ORDER BY act_key";
        using var reader = command.ExecuteReader();
        var records = new List<ActRecord>();
        while (reader.Read())
        {
            var source = reader.IsDBNull(8) ? null : reader.GetString(8);
            var edition = reader.GetString(7);
            records.Add(new ActRecord(
                reader.GetString(0),
                reader.GetString(1),
                LanguageCodes.Parse(reader.GetString(2)),
                Enum.Parse<ActKind>(reader.GetString(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                edition.Length == 0 ? null : edition,
                ActRecord.CollectionOf(source) == "adilet",
                reader.GetString(9),
                ActRecord.CollectionOf(source)));
        }

        return records;
    }

    private bool Exists(SqliteTransaction transaction, string actId, Language language, string edition) =>
        Scalar(transaction, "SELECT count(*) FROM acts WHERE id = $id AND language = $language AND edition = $edition", ("$id", actId), ("$language", language.ToCode()), ("$edition", edition)) is long and > 0;

    /// <summary>The edition of the act that holds this text, else its current one: what a dropped duplicate's id names.</summary>
    private string? EditionOf(SqliteTransaction transaction, string actId, Language language, string digest) =>
        Scalar(
            transaction,
            "SELECT edition FROM acts WHERE id = $id AND language = $language ORDER BY text_digest = $digest DESC, edition DESC LIMIT 1",
            ("$id", actId),
            ("$language", language.ToCode()),
            ("$digest", digest)) as string;

    private void Rename(SqliteTransaction transaction, ActRecord record, string actId, string edition)
    {
        var key = (long)Scalar(
            transaction,
            "UPDATE acts SET id = $new WHERE id = $old AND language = $language AND edition = $edition RETURNING act_key",
            ("$new", actId),
            ("$old", record.ActId),
            ("$language", record.Language.ToCode()),
            ("$edition", edition))!;
        (string, object?)[] names = [("$key", key), ("$new", actId), ("$old", record.ActId), ("$length", record.ActId.Length)];
        Execute(transaction, "UPDATE norms SET norm_id = $new || substr(norm_id, $length + 1) WHERE act_key = $key", names);

        // References inside the act («настоящего Кодекса») were resolved to the record's own id.
        Execute(
            transaction,
            """
            UPDATE norm_references SET target_act_id = $new,
                target_norm_id = CASE WHEN target_norm_id IS NULL THEN NULL ELSE $new || substr(target_norm_id, $length + 1) END
            WHERE target_act_id = $old AND norm_key IN (SELECT norm_key FROM norms WHERE act_key = $key)
            """,
            names);
    }

    private object? Scalar(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
