using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Editions;
using Assistant.Core.Norms;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>An edition of an act as stored: its row key, id and label.</summary>
internal sealed record StoredEdition(long ActKey, string ActId, Language Language, string Edition, bool IsCurrent);

/// <summary>
/// Finds editions by any of their names (current, label, source record id, a date) and reads an edition's norms
/// back as a tree, with their footnotes and notes (references are left out: change reports and drafts need none).
/// </summary>
internal sealed class EditionReader(SqliteConnection connection)
{
    /// <summary>
    /// The edition of <paramref name="actId"/> (or of the act a record of that id was matched to) that
    /// <paramref name="edition"/> names: null the current one; an edition label; a source record id; a date
    /// («2025-01-01», or «2024-03» for the end of that month) the edition in force then. Null when there is none.
    /// </summary>
    public StoredEdition? Find(string actId, Language language, string? edition)
    {
        var code = language.ToCode();
        if (!ActExists(actId, code) && RecordTarget(actId, code) is { } target)
        {
            actId = target.ActId;
            edition ??= target.Edition;
        }

        if (edition is null)
        {
            return Edition("a.is_current = 1", actId, code, null);
        }

        return Edition("a.edition = $edition", actId, code, edition)
            ?? Edition("a.record_id = $edition", actId, code, edition)
            ?? (RecordTarget(edition, code) is { } named && named.ActId == actId ? Edition("a.edition = $edition", actId, code, named.Edition) : null)
            ?? (EditionDates.EndOf(edition) is { } date ? InForceOn(actId, language, date) : null);
    }

    /// <summary>The edition of the act in force on <paramref name="date"/>: the newest one dated on or before it, if the act was adopted by then.</summary>
    public StoredEdition? InForceOn(string actId, Language language, DateOnly date) =>
        Edition(
            "a.edition = (SELECT max(b.edition) FROM acts b WHERE b.id = a.id AND b.language = a.language AND b.edition <= $edition) AND (a.adopted_on IS NULL OR a.adopted_on <= $edition)",
            actId,
            language.ToCode(),
            EditionDates.Format(date));

    /// <summary>Every edition of the act in one language, oldest first.</summary>
    public List<StoredEdition> List(string actId, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT act_key, id, edition, is_current FROM acts WHERE id = $id AND language = $language ORDER BY edition";
        command.Parameters.AddWithValue("$id", actId);
        command.Parameters.AddWithValue("$language", language.ToCode());
        using var reader = command.ExecuteReader();
        var editions = new List<StoredEdition>();
        while (reader.Read())
        {
            editions.Add(new StoredEdition(reader.GetInt64(0), reader.GetString(1), language, reader.GetString(2), reader.GetBoolean(3)));
        }

        return editions;
    }

    public EditionText Read(StoredEdition edition)
    {
        var footnotes = Notes(
            "SELECT norm_key, text, amending_act, amended_on FROM footnotes WHERE act_key = $key AND norm_key IS NOT NULL ORDER BY norm_key, ordinal",
            edition.ActKey,
            reader => new Footnote(
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var notes = Notes(
            "SELECT norm_key, text FROM editorial_notes WHERE act_key = $key AND norm_key IS NOT NULL ORDER BY norm_key, ordinal",
            edition.ActKey,
            reader => new EditorialNote(reader.GetString(1)));

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT norm_key, parent_key, norm_id, kind, number, heading, text, path, status FROM norms WHERE act_key = $key ORDER BY norm_key";
        command.Parameters.AddWithValue("$key", edition.ActKey);
        var rows = new List<(long Key, long? Parent, Norm Norm)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = reader.GetInt64(0);
                var path = reader.GetString(7);
                rows.Add((key, reader.IsDBNull(1) ? null : reader.GetInt64(1), new Norm
                {
                    Id = StoredNormId.Read(edition.ActId, reader.GetString(2)),
                    Kind = Enum.Parse<NormKind>(reader.GetString(3)),
                    Number = reader.GetString(4),
                    Heading = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Text = reader.GetString(6),
                    Path = path.Length == 0 ? [] : path.Split(CatalogSchema.PathSeparator),
                    Status = Enum.Parse<NormStatus>(reader.GetString(8)),
                    Footnotes = footnotes.GetValueOrDefault(key) ?? [],
                    EditorialNotes = notes.GetValueOrDefault(key) ?? [],
                }));
            }
        }

        // Parts are stored after their norm, so building from the last row up finds every norm's parts complete.
        var parts = new Dictionary<long, List<Norm>>();
        var top = new List<Norm>();
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var (key, parent, norm) = rows[i];
            if (parts.Remove(key, out var own))
            {
                own.Reverse();
                norm = norm with { Parts = own };
            }

            if (parent is { } parentKey)
            {
                (parts.TryGetValue(parentKey, out var siblings) ? siblings : parts[parentKey] = []).Add(norm);
            }
            else
            {
                top.Add(norm);
            }
        }

        top.Reverse();
        return new EditionText(edition.ActId, edition.Language, edition.Edition, edition.IsCurrent, top);
    }

    private bool ActExists(string actId, string language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM acts WHERE id = $id AND language = $language";
        command.Parameters.AddWithValue("$id", actId);
        command.Parameters.AddWithValue("$language", language);
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>The act and edition a source record id names: a record matched by identity, or one stored under an act's id.</summary>
    private (string ActId, string Edition)? RecordTarget(string recordId, string language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT act_id, edition FROM act_records WHERE record_id = $record AND language = $language
            UNION ALL SELECT id, edition FROM acts WHERE record_id = $record AND language = $language
            LIMIT 1
            """;
        command.Parameters.AddWithValue("$record", recordId);
        command.Parameters.AddWithValue("$language", language);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private StoredEdition? Edition(string condition, string actId, string language, string? edition)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT a.act_key, a.edition, a.is_current FROM acts a WHERE a.id = $id AND a.language = $language AND {condition} LIMIT 1";
        command.Parameters.AddWithValue("$id", actId);
        command.Parameters.AddWithValue("$language", language);
        command.Parameters.AddWithValue("$edition", edition ?? string.Empty);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredEdition(reader.GetInt64(0), actId, LanguageCodes.Parse(language), reader.GetString(1), reader.GetBoolean(2))
            : null;
    }

    private Dictionary<long, List<T>> Notes<T>(string sql, long actKey, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", actKey);
        using var reader = command.ExecuteReader();
        var notes = new Dictionary<long, List<T>>();
        while (reader.Read())
        {
            var key = reader.GetInt64(0);
            (notes.TryGetValue(key, out var list) ? list : notes[key] = []).Add(read(reader));
        }

        return notes;
    }
}
