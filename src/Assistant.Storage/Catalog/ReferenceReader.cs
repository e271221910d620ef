using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>The reference graph of current editions, read from <c>norm_references</c> for forecasts and their evaluation.</summary>
internal sealed class ReferenceReader(SqliteConnection connection)
{
    /// <remarks>
    /// One query per target, each an index range on <c>target_norm_id</c>: the target, its parts (ids that extend it
    /// after «/»), and the article and point it belongs to. CROSS JOIN keeps SQLite starting from that index.
    /// </remarks>
    public List<ReferringNorm> To(IReadOnlyCollection<NormId> targets, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.norm_id, a.id, a.title, r.text, r.target_act_id, r.target_norm_id, n.text
            FROM norm_references r CROSS JOIN norms n ON n.norm_key = r.norm_key CROSS JOIN acts a ON a.act_key = n.act_key
            WHERE (r.target_norm_id IN ($id, $article, $point) OR (r.target_norm_id > $id || '/' AND r.target_norm_id < $id || '0'))
                AND a.is_current = 1 AND a.language = $language
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var article = command.Parameters.Add("$article", SqliteType.Text);
        var point = command.Parameters.Add("$point", SqliteType.Text);
        command.Parameters.AddWithValue("$language", language.ToCode());
        var found = new List<ReferringNorm>();
        foreach (var target in targets.Distinct())
        {
            id.Value = target.ToString();
            article.Value = target.TopLevel.ToString();
            point.Value = (target.Subpoint is null ? target : new NormId(target.ActId, target.Article, target.Point, annex: target.Annex)).ToString();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found.Add(new ReferringNorm(
                    StoredNormId.Read(reader.GetString(1), reader.GetString(0)),
                    reader.GetString(2),
                    reader.GetString(3),
                    StoredNormId.Read(reader.GetString(4), reader.GetString(5)),
                    reader.GetString(6)));
            }
        }

        return [.. found.Distinct()];
    }

    /// <summary>Every resolved reference between norms of current editions in the language: (from, target).</summary>
    public List<(NormId From, NormId Target)> All(Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.norm_id, a.id, r.target_norm_id, r.target_act_id
            FROM norm_references r JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key
            WHERE r.target_norm_id IS NOT NULL AND a.is_current = 1 AND a.language = $language
            """;
        command.Parameters.AddWithValue("$language", language.ToCode());
        using var reader = command.ExecuteReader();
        var all = new List<(NormId, NormId)>();
        while (reader.Read())
        {
            all.Add((StoredNormId.Read(reader.GetString(1), reader.GetString(0)), StoredNormId.Read(reader.GetString(3), reader.GetString(2))));
        }

        return all;
    }

    /// <summary>Every reference of current editions, resolved or not, with the referring norm (no text: see <see cref="Context"/>).</summary>
    public List<StoredReference> Stored()
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.rowid, n.norm_id, a.id, a.language, r.text, r.target_act_id, r.target_norm_id
            FROM norm_references r JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key
            WHERE a.is_current = 1
            ORDER BY r.rowid
            """;
        using var reader = command.ExecuteReader();
        var all = new List<StoredReference>();
        while (reader.Read())
        {
            all.Add(new StoredReference(
                reader.GetInt64(0),
                StoredNormId.Read(reader.GetString(2), reader.GetString(1)),
                LanguageCodes.Parse(reader.GetString(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return all;
    }

    /// <summary>The text of the norm that holds the reference.</summary>
    public string Context(long reference)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT n.text FROM norm_references r JOIN norms n ON n.norm_key = r.norm_key WHERE r.rowid = $row";
        command.Parameters.AddWithValue("$row", reference);
        return command.ExecuteScalar() as string ?? string.Empty;
    }

    /// <summary>The heading and text of the top-level norm of a current edition (the article a reference stands in).</summary>
    public string TopLevelText(NormId norm, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT coalesce(n.heading || char(10), '') || n.text FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE a.id = $act AND a.language = $language AND a.is_current = 1 AND n.norm_id = $id
            """;
        command.Parameters.AddWithValue("$act", norm.ActId);
        command.Parameters.AddWithValue("$language", language.ToCode());
        command.Parameters.AddWithValue("$id", norm.TopLevel.ToString());
        return command.ExecuteScalar() as string ?? string.Empty;
    }

    /// <summary>The preamble and top-level norms of an act's current edition, where it defines short names.</summary>
    public string ActText(string actId, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT coalesce(a.preamble, '') || char(10) || coalesce((SELECT group_concat(n.text, char(10)) FROM norms n WHERE n.act_key = a.act_key AND n.parent_key IS NULL), '')
            FROM acts a WHERE a.id = $act AND a.language = $language AND a.is_current = 1
            """;
        command.Parameters.AddWithValue("$act", actId);
        command.Parameters.AddWithValue("$language", language.ToCode());
        return command.ExecuteScalar() as string ?? string.Empty;
    }

    public ActStatus? StatusOf(string actId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM acts WHERE id = $id AND is_current = 1 LIMIT 1";
        command.Parameters.AddWithValue("$id", actId);
        return command.ExecuteScalar() is string status ? Enum.Parse<ActStatus>(status) : null;
    }
}

/// <summary>A reference as the catalog stores it.</summary>
/// <param name="Key">Its row, for <see cref="ReferenceReader.Context"/>.</param>
public sealed record StoredReference(long Key, NormId From, Language Language, string Text, string? TargetActId, string? TargetNormId);
