using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>
/// Resolves, once every act is in the catalog, the references that name their act by its quoted title
/// («статьи 10 Закона Республики Казахстан «О правовых актах»»): while one act is read the others are not known yet.
/// Runs in one transaction. The references of one phrase are stored in order, one per article it names, and get their
/// targets in that order; a phrase the norm repeats repeats them.
/// </summary>
internal sealed class ReferenceResolution(SqliteConnection connection)
{
    public int Resolve(ActTitleIndex titles)
    {
        using var transaction = connection.BeginTransaction();
        var phrases = Unresolved(transaction);
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE norm_references SET target_act_id = $act, target_norm_id = $norm WHERE rowid = $row";
        var act = update.Parameters.Add("$act", SqliteType.Text);
        var norm = update.Parameters.Add("$norm", SqliteType.Text);
        var row = update.Parameters.Add("$row", SqliteType.Integer);
        var resolved = 0;
        foreach (var phrase in phrases)
        {
            var found = CrossReferences.Find(phrase.Text, phrase.ActId, phrase.Language, titles: titles);
            if (found.Count == 0 || phrase.Rows.Count % found.Count != 0)
            {
                continue;
            }

            for (var i = 0; i < phrase.Rows.Count; i++)
            {
                if (found[i % found.Count].TargetActId is not { } target)
                {
                    continue;
                }

                act.Value = target;
                norm.Value = (object?)found[i % found.Count].TargetNormId?.ToString() ?? DBNull.Value;
                row.Value = phrase.Rows[i];
                update.ExecuteNonQuery();
                resolved++;
            }
        }

        transaction.Commit();
        return resolved;
    }

    private sealed record Phrase(string Text, string ActId, Language Language, List<long> Rows);

    /// <summary>Unresolved references whose phrase quotes a title, grouped by norm and phrase in the order stored.</summary>
    private List<Phrase> Unresolved(SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT r.rowid, r.norm_key, r.text, a.id, a.language
            FROM norm_references r JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key
            WHERE r.target_act_id IS NULL AND (instr(r.text, '"') > 0 OR instr(r.text, '«') > 0 OR instr(r.text, '“') > 0)
            ORDER BY r.norm_key, r.ordinal
            """;
        using var reader = command.ExecuteReader();
        var phrases = new List<Phrase>();
        long lastNorm = -1;
        while (reader.Read())
        {
            var normKey = reader.GetInt64(1);
            var text = reader.GetString(2);
            if (phrases.Count > 0 && normKey == lastNorm && phrases[^1].Text == text)
            {
                phrases[^1].Rows.Add(reader.GetInt64(0));
            }
            else
            {
                phrases.Add(new Phrase(text, reader.GetString(3), LanguageCodes.Parse(reader.GetString(4)), [reader.GetInt64(0)]));
            }

            lastNorm = normKey;
        }

        return phrases;
    }
}
