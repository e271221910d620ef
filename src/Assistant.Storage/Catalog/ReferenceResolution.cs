using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Norms;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>
/// Resolves, once every act is in the catalog, the references whose act only the whole catalog can tell: those naming
/// it by its quoted title («статьи 10 Закона Республики Казахстан «О правовых актах»»), those in an amending law's
/// instruction list («1) в статье 5:»), whose act the list's opening line names, and those using a short name the act
/// defines («(бұдан әрі – Заң)» … «Заңның 5-бабы»). While one act is
/// read the others are not known yet. Runs in one transaction. The references of one phrase are stored in order, one
/// per article it names, and get their targets in that order; a phrase the norm repeats repeats them.
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
        var intros = new AmendedActs(connection, transaction, titles);
        var resolved = 0;
        foreach (var phrase in phrases)
        {
            var quotes = Quotes(phrase.Text);
            var implied = quotes ? null : intros.At(phrase) ?? intros.ShortNamed(phrase);
            if (!quotes && implied is null)
            {
                continue;
            }

            var found = CrossReferences.Find(phrase.Text, phrase.ActId, phrase.Language, titles: titles, impliedActId: implied);
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

    private static bool Quotes(string text) => text.AsSpan().IndexOfAny('"', '«', '“') >= 0;

    private sealed record Phrase(string Text, string ActId, long ActKey, NormId Norm, Language Language, List<long> Rows);

    /// <summary>Unresolved references, grouped by norm and phrase in the order stored.</summary>
    private List<Phrase> Unresolved(SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT r.rowid, r.norm_key, r.text, a.id, a.language, a.act_key, n.norm_id
            FROM norm_references r JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key
            WHERE r.target_act_id IS NULL
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
                var actId = reader.GetString(3);
                phrases.Add(new Phrase(text, actId, reader.GetInt64(5), StoredNormId.Read(actId, reader.GetString(6)), LanguageCodes.Parse(reader.GetString(4)), [reader.GetInt64(0)]));
            }

            lastNorm = normKey;
        }

        return phrases;
    }

    /// <summary>
    /// The opening lines of instruction lists in the top-level norm a phrase stands in, read once per norm; the heading
    /// counts, as the parser files «Статья 1. Внести в … следующие изменения:» there.
    /// </summary>
    private sealed class AmendedActs(SqliteConnection connection, SqliteTransaction transaction, ActTitleIndex titles)
    {
        private readonly Dictionary<(long, string), (string Text, IReadOnlyList<(int End, string ActId)> Intros)> _byNorm = [];

        private readonly Dictionary<long, IReadOnlyList<(string Stem, string? ActId)>> _shortNames = [];

        public string? At(Phrase phrase)
        {
            var norm = Norm(phrase);
            if (norm.Intros.Count == 0)
            {
                return null;
            }

            var position = norm.Text.IndexOf(phrase.Text, StringComparison.Ordinal);
            return position < 0 ? null : AmendingIntro.At(norm.Intros, position);
        }

        /// <summary>The act a short name next to the phrase stands for («статьи 5 Закона», «Заңның 5-бабы»), as its act defines it.</summary>
        public string? ShortNamed(Phrase phrase)
        {
            if (!_shortNames.TryGetValue(phrase.ActKey, out var names))
            {
                _shortNames[phrase.ActKey] = names = ShortNames.Find(ActText(phrase.ActKey), titles);
            }

            var text = Norm(phrase).Text;
            var position = text.IndexOf(phrase.Text, StringComparison.Ordinal);
            return position < 0 ? null : ShortNames.Used(text, position, position + phrase.Text.Length, phrase.Language, names).ActId;
        }

        private (string Text, IReadOnlyList<(int End, string ActId)> Intros) Norm(Phrase phrase)
        {
            var top = phrase.Norm.TopLevel.ToString();
            if (!_byNorm.TryGetValue((phrase.ActKey, top), out var norm))
            {
                var text = Text(phrase.ActKey, top);
                norm = (text, text.Length == 0 ? [] : AmendingIntro.Find(text, phrase.Language, titles));
                _byNorm[(phrase.ActKey, top)] = norm;
            }

            return norm;
        }

        /// <summary>The act's preamble and its top-level norms, where its short names are defined.</summary>
        private string ActText(long actKey)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT coalesce((SELECT preamble FROM acts WHERE act_key = $act), '') || char(10)
                    || coalesce((SELECT group_concat(text, char(10)) FROM norms WHERE act_key = $act AND parent_key IS NULL), '')
                """;
            command.Parameters.AddWithValue("$act", actKey);
            return command.ExecuteScalar() as string ?? string.Empty;
        }

        private string Text(long actKey, string normId)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT coalesce(heading || char(10), '') || text FROM norms WHERE act_key = $act AND norm_id = $id";
            command.Parameters.AddWithValue("$act", actKey);
            command.Parameters.AddWithValue("$id", normId);
            return command.ExecuteScalar() as string ?? string.Empty;
        }
    }
}
