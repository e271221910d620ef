using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Editions;
using Assistant.Core.Norms;
using Assistant.Core.Text;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>
/// Writes one edition of one act in one transaction, replacing what was stored for it. Its commands are prepared
/// once and reused for every act, since ingest runs over the whole corpus.
/// </summary>
internal sealed class ActWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _indexedNorms;
    private readonly SqliteCommand _deleteFts;
    private readonly SqliteCommand _deleteAct;
    private readonly SqliteCommand _insertAct;
    private readonly SqliteCommand _insertNorm;
    private readonly SqliteCommand _insertFts;
    private readonly SqliteCommand _insertFootnote;
    private readonly SqliteCommand _insertNote;
    private readonly SqliteCommand _insertReference;
    private readonly SqliteCommand _markCurrent;
    private readonly SqliteCommand _nextGeneration;
    private readonly SqliteCommand[] _all;

    public ActWriter(SqliteConnection connection)
    {
        _connection = connection;
        _indexedNorms = Command(
            """
            SELECT n.norm_key, n.heading, n.text FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE a.id = $id AND a.language = $language AND a.edition = $edition AND n.parent_key IS NULL
            """,
            "$id", "$language", "$edition");

        // The index is contentless, so a row is removed by handing FTS5 the terms it was indexed with.
        _deleteFts = Command(
            "INSERT INTO norm_fts(norm_fts, rowid, heading, body, language) VALUES ('delete', $rowid, $heading, $body, $language)",
            "$rowid", "$heading", "$body", "$language");
        _deleteAct = Command("DELETE FROM acts WHERE id = $id AND language = $language AND edition = $edition", "$id", "$language", "$edition");
        _insertAct = Command(
            """
            INSERT INTO acts(id, language, edition, title, kind, adopted_on, number, status, source, preamble, ingested_at, record_id, text_digest)
            VALUES ($id, $language, $edition, $title, $kind, $adopted_on, $number, $status, $source, $preamble, $ingested_at, $record_id, $text_digest)
            RETURNING act_key
            """,
            "$id", "$language", "$edition", "$title", "$kind", "$adopted_on", "$number", "$status", "$source", "$preamble", "$ingested_at", "$record_id", "$text_digest");
        _insertNorm = Command(
            """
            INSERT INTO norms(act_key, parent_key, norm_id, kind, number, heading, text, path, status, ordinal)
            VALUES ($act_key, $parent_key, $norm_id, $kind, $number, $heading, $text, $path, $status, $ordinal)
            RETURNING norm_key
            """,
            "$act_key", "$parent_key", "$norm_id", "$kind", "$number", "$heading", "$text", "$path", "$status", "$ordinal");
        _insertFts = Command(
            "INSERT INTO norm_fts(rowid, heading, body, language) VALUES ($rowid, $heading, $body, $language)",
            "$rowid", "$heading", "$body", "$language");
        _insertFootnote = Command(
            "INSERT INTO footnotes(act_key, norm_key, ordinal, text, amending_act, amended_on) VALUES ($act_key, $norm_key, $ordinal, $text, $amending_act, $amended_on)",
            "$act_key", "$norm_key", "$ordinal", "$text", "$amending_act", "$amended_on");
        _insertNote = Command(
            "INSERT INTO editorial_notes(act_key, norm_key, ordinal, text) VALUES ($act_key, $norm_key, $ordinal, $text)",
            "$act_key", "$norm_key", "$ordinal", "$text");
        _insertReference = Command(
            "INSERT INTO norm_references(norm_key, ordinal, text, target_act_id, target_norm_id) VALUES ($norm_key, $ordinal, $text, $target_act_id, $target_norm_id)",
            "$norm_key", "$ordinal", "$text", "$target_act_id", "$target_norm_id");
        _markCurrent = Command(
            """
            UPDATE acts SET is_current = (edition = (SELECT max(edition) FROM acts WHERE id = $id AND language = $language))
            WHERE id = $id AND language = $language
            RETURNING edition, is_current
            """,
            "$id", "$language");
        _nextGeneration = Command(CatalogGeneration.IncrementSql);
        _all = [_indexedNorms, _deleteFts, _deleteAct, _insertAct, _insertNorm, _insertFts, _insertFootnote, _insertNote, _insertReference, _markCurrent, _nextGeneration];
    }

    public ActSaveResult Save(Act act)
    {
        ArgumentNullException.ThrowIfNull(act);
        ArgumentException.ThrowIfNullOrWhiteSpace(act.Id);
        var language = act.Language.ToCode();
        var edition = act.Edition ?? string.Empty;
        using var transaction = _connection.BeginTransaction();
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }

        var counts = new Counts();
        try
        {
            RemoveFromIndex(act.Id, act.Language, language, edition);
            Run(_deleteAct, act.Id, language, edition);
            var actKey = InsertAct(act, language, edition);
            InsertNotes(actKey, null, act.Footnotes, act.EditorialNotes);
            var ordinal = 0;
            foreach (var norm in act.Norms)
            {
                var normKey = InsertNorm(actKey, null, norm, ordinal++, act, counts);
                Run(_insertFts, normKey, TextAnalyzer.Normalize(norm.Heading ?? string.Empty, act.Language), TextAnalyzer.Normalize(norm.Text, act.Language), language);
            }

            var isCurrent = MarkCurrent(act.Id, language, edition);
            _nextGeneration.ExecuteNonQuery();
            transaction.Commit();
            return new ActSaveResult(act.Id, act.Language, act.Edition, isCurrent, counts.Norms, counts.Resolved, counts.Unresolved);
        }
        finally
        {
            foreach (var command in _all)
            {
                command.Transaction = null;
            }
        }
    }

    /// <summary>Removes one stored edition and its index rows, inside the caller's transaction.</summary>
    public void Drop(SqliteTransaction transaction, string id, Language language, string edition)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }

        try
        {
            var code = language.ToCode();
            RemoveFromIndex(id, language, code, edition);
            Run(_deleteAct, id, code, edition);
        }
        finally
        {
            foreach (var command in _all)
            {
                command.Transaction = null;
            }
        }
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private void RemoveFromIndex(string id, Language analyzed, string language, string edition)
    {
        Bind(_indexedNorms, id, language, edition);
        var indexed = new List<(long Key, string Heading, string Text)>();
        using (var reader = _indexedNorms.ExecuteReader())
        {
            while (reader.Read())
            {
                indexed.Add((reader.GetInt64(0), reader.IsDBNull(1) ? string.Empty : reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (key, heading, text) in indexed)
        {
            Run(_deleteFts, key, TextAnalyzer.Normalize(heading, analyzed), TextAnalyzer.Normalize(text, analyzed), language);
        }
    }

    private long InsertAct(Act act, string language, string edition)
    {
        Bind(
            _insertAct,
            act.Id,
            language,
            edition,
            act.Title,
            act.Kind.ToString(),
            act.AdoptedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            act.Number,
            act.Status.ToString(),
            act.Source,
            act.Preamble,
            StoredTime.Format(DateTimeOffset.UtcNow),
            ActRecord.RecordIdOf(act.Source, act.Id),
            TextDigest(act));
        return (long)_insertAct.ExecuteScalar()!;
    }

    /// <summary>SHA-256 of the top-level norms' numbers and text; empty for an act without norms, which no other record repeats.</summary>
    private static string TextDigest(Act act)
    {
        if (act.Norms.Count == 0)
        {
            return string.Empty;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var norm in act.Norms)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(norm.Number));
            hash.AppendData(Encoding.UTF8.GetBytes(norm.Text));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private long InsertNorm(long actKey, long? parentKey, Norm norm, int ordinal, Act act, Counts counts)
    {
        if (norm.Id.ActId != act.Id)
        {
            throw new InvalidDataException($"Norm {norm.Id} does not belong to act {act.Id}.");
        }

        Bind(
            _insertNorm,
            actKey,
            parentKey,
            norm.Id.ToString(),
            norm.Kind.ToString(),
            norm.Number,
            norm.Heading,
            norm.Text,
            string.Join(CatalogSchema.PathSeparator, norm.Path),
            norm.Status.ToString(),
            ordinal);
        var normKey = (long)_insertNorm.ExecuteScalar()!;
        counts.Norms++;
        InsertNotes(actKey, normKey, norm.Footnotes, norm.EditorialNotes);
        var referenceOrdinal = 0;
        foreach (var reference in norm.References)
        {
            // A resolved norm names its act; keeping it lets the id be read back whatever characters the act id has.
            Run(_insertReference, normKey, referenceOrdinal++, reference.Text, reference.TargetNormId?.ActId ?? reference.TargetActId, reference.TargetNormId?.ToString());
            if (reference.IsResolved)
            {
                counts.Resolved++;
            }
            else
            {
                counts.Unresolved++;
            }
        }

        var partOrdinal = 0;
        foreach (var part in norm.Parts)
        {
            InsertNorm(actKey, normKey, part, partOrdinal++, act, counts);
        }

        return normKey;
    }

    private void InsertNotes(long actKey, long? normKey, IReadOnlyList<Footnote> footnotes, IReadOnlyList<EditorialNote> notes)
    {
        for (var i = 0; i < footnotes.Count; i++)
        {
            var footnote = footnotes[i];
            Run(_insertFootnote, actKey, normKey, i, footnote.Text, footnote.AmendingAct, footnote.AmendedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < notes.Count; i++)
        {
            Run(_insertNote, actKey, normKey, i, notes[i].Text);
        }
    }

    private bool MarkCurrent(string id, string language, string edition)
    {
        Bind(_markCurrent, id, language);
        using var reader = _markCurrent.ExecuteReader();
        var isCurrent = false;
        while (reader.Read())
        {
            if (reader.GetString(0) == edition)
            {
                isCurrent = reader.GetBoolean(1);
            }
        }

        return isCurrent;
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private sealed class Counts
    {
        public int Norms { get; set; }

        public int Resolved { get; set; }

        public int Unresolved { get; set; }
    }
}
