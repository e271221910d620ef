using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>
/// The catalog's tables, with the conversations and the audit trail kept beside the acts, created on first open and
/// checked by version on every open.
/// </summary>
internal static class CatalogSchema
{
    public const string Application = "raglegal-catalog";
    /// <summary>
    /// Bump on any change to the tables or to what <see cref="Assistant.Core.Text.TextAnalyzer"/> produces: rows of the
    /// lexical index are removed by analysing their text again, which must give the terms they were indexed with.
    /// </summary>
    public const int Version = 4;

    /// <summary>Joins the structural headings above a norm in <c>norms.path</c>.</summary>
    public const string PathSeparator = " › ";

    private const string Tables = """
        CREATE TABLE catalog_info(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE acts(
            act_key INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            language TEXT NOT NULL,
            edition TEXT NOT NULL, -- '' when the source names no edition: sorts before every dated one
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            adopted_on TEXT,
            number TEXT,
            status TEXT NOT NULL,
            source TEXT,
            preamble TEXT,
            is_current INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL,
            record_id TEXT NOT NULL, -- the source's id of the record this edition was read from
            text_digest TEXT NOT NULL, -- SHA-256 of the norms' text: equal for duplicate records
            UNIQUE(id, language, edition));
        CREATE INDEX acts_record ON acts(record_id);
        -- Records matched to an act by edition identity: renamed to its id, or dropped as a duplicate of an edition.
        CREATE TABLE act_records(
            record_id TEXT NOT NULL,
            language TEXT NOT NULL,
            act_id TEXT NOT NULL,
            edition TEXT NOT NULL,
            rule TEXT NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY(record_id, language)) WITHOUT ROWID;
        CREATE INDEX act_records_act ON act_records(act_id);
        CREATE INDEX acts_current ON acts(is_current, id);
        CREATE TABLE norms(
            norm_key INTEGER PRIMARY KEY,
            act_key INTEGER NOT NULL REFERENCES acts(act_key) ON DELETE CASCADE,
            parent_key INTEGER REFERENCES norms(norm_key) ON DELETE CASCADE,
            norm_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            number TEXT NOT NULL,
            heading TEXT,
            text TEXT NOT NULL,
            path TEXT NOT NULL,
            status TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            UNIQUE(act_key, norm_id));
        CREATE INDEX norms_id ON norms(norm_id);
        CREATE INDEX norms_parent ON norms(parent_key);
        CREATE TABLE footnotes(
            act_key INTEGER NOT NULL REFERENCES acts(act_key) ON DELETE CASCADE,
            norm_key INTEGER REFERENCES norms(norm_key) ON DELETE CASCADE, -- null: a footnote of the act
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            amending_act TEXT,
            amended_on TEXT);
        CREATE INDEX footnotes_act ON footnotes(act_key);
        CREATE INDEX footnotes_norm ON footnotes(norm_key);
        CREATE TABLE editorial_notes(
            act_key INTEGER NOT NULL REFERENCES acts(act_key) ON DELETE CASCADE,
            norm_key INTEGER REFERENCES norms(norm_key) ON DELETE CASCADE, -- null: a note on the act
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX editorial_notes_act ON editorial_notes(act_key);
        CREATE INDEX editorial_notes_norm ON editorial_notes(norm_key);
        CREATE TABLE norm_references(
            norm_key INTEGER NOT NULL REFERENCES norms(norm_key) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            target_act_id TEXT,
            target_norm_id TEXT);
        CREATE INDEX norm_references_norm ON norm_references(norm_key);
        CREATE INDEX norm_references_target ON norm_references(target_norm_id);
        -- One row per top-level norm (rowid = norms.norm_key), holding TextAnalyzer terms, so unicode61 only splits
        -- on spaces; '-' stays inside numbers such as 14-1. language holds 'ru' or 'kk' so that a language filter
        -- narrows the match inside the index instead of after ranking. Contentless, and without contentless_delete:
        -- its tombstones leave a deleted row's terms in the document counts bm25 ranks by, so a replaced act is
        -- removed with the 'delete' command and the terms it was indexed with.
        CREATE VIRTUAL TABLE norm_fts USING fts5(heading, body, language, content='',
            tokenize="unicode61 remove_diacritics 0 tokenchars '-'");
        CREATE VIRTUAL TABLE norm_fts_terms USING fts5vocab(norm_fts, 'row');
        CREATE TABLE conversations(id TEXT PRIMARY KEY, owner TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE conversation_messages(
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY(conversation_id, ordinal));
        -- Times are UTC in the round-trip format, so text order is time order.
        CREATE TABLE audit_log(
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            role TEXT NOT NULL,
            conversation_id TEXT,
            question TEXT NOT NULL,
            sources TEXT NOT NULL, -- JSON array of norm ids
            citations TEXT NOT NULL, -- JSON array of norm ids
            answer_sha256 TEXT NOT NULL);
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    /// <summary>Creates the schema in an empty database, or checks that an existing one is this catalog's.</summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        // Taking the write lock before looking keeps two openers of a new file from both creating the schema.
        using var transaction = connection.BeginTransaction();
        var tables = Scalar<long>(connection, transaction, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
        if (tables == 0)
        {
            Execute(connection, transaction, Tables);
            Execute(
                connection,
                transaction,
                $"INSERT INTO catalog_info(key, value) VALUES ('application', '{Application}'), ('schema_version', '{Version}')");
            transaction.Commit();
            return;
        }

        var hasInfo = Scalar<long>(connection, transaction, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'catalog_info'") == 1;
        var application = hasInfo ? Scalar<string>(connection, transaction, "SELECT value FROM catalog_info WHERE key = 'application'") : null;
        if (application != Application)
        {
            throw new InvalidDataException($"'{path}' is an SQLite database but not a RagLegal catalog (it has other tables).");
        }

        var version = Scalar<string>(connection, transaction, "SELECT value FROM catalog_info WHERE key = 'schema_version'");
        if (version != Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"'{path}' is a RagLegal catalog of schema version {version}; this build reads version {Version}. Rebuild it.");
        }
    }

    private static T? Scalar<T>(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (T?)command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
