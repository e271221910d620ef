using Assistant.Core.Acts;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Findings;

/// <summary>An act's current edition in one language that the analysis covers: in force, or of a status the source does not tell.</summary>
/// <param name="Digest">The SHA-256 of its norms' text: another digest means another text to analyse.</param>
public sealed record AnalysedAct(string Id, Language Language, ActKind Kind, string Title, DateOnly? AdoptedOn, string Digest);

/// <summary>A top-level norm of an analysed act.</summary>
public sealed record AnalysedNorm(long Key, string ActId, Language Language, string Id, string Text);

/// <summary>
/// What the corpus-wide analysis reads from the catalog, on a read-only connection of its own: the current editions
/// not repealed or expired, their top-level norms (articles, or the points of an act without articles) in one pass,
/// texts by key for the pairs to compare, and the reference table.
/// </summary>
public sealed class FindingCorpus : IDisposable
{
    /// <summary>Current editions the analysis covers: a repealed or expired act holds no norm in force to find fault with.</summary>
    private const string Analysed = "a.is_current = 1 AND a.status NOT IN ('Repealed', 'Expired')";

    private readonly SqliteConnection _connection;

    private FindingCorpus(SqliteConnection connection) => _connection = connection;

    /// <exception cref="InvalidDataException">The file is not a RagLegal catalog of this schema version.</exception>
    public static FindingCorpus Open(string path)
    {
        var fullPath = CatalogFile.Prepare(path);
        // The writer checks the schema (and creates it for an empty file) before a read-only connection is trusted.
        using (CatalogFile.OpenWriter(fullPath))
        {
        }

        return new FindingCorpus(CatalogFile.OpenReader(fullPath));
    }

    public long Generation() => CatalogGeneration.Read(_connection);

    public List<AnalysedAct> Acts()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT a.id, a.language, a.kind, a.title, a.adopted_on, a.text_digest FROM acts a WHERE {Analysed} ORDER BY a.id, a.language";
        using var reader = command.ExecuteReader();
        var acts = new List<AnalysedAct>();
        while (reader.Read())
        {
            acts.Add(new AnalysedAct(
                reader.GetString(0),
                LanguageCodes.Parse(reader.GetString(1)),
                Enum.Parse<ActKind>(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : DateOnly.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(5)));
        }

        return acts;
    }

    /// <summary>Every top-level norm of the analysed acts that is not itself repealed, with its heading, streamed in storage order.</summary>
    public IEnumerable<AnalysedNorm> Norms(CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT n.norm_key, a.id, a.language, n.norm_id, n.heading, n.text
            FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE {Analysed} AND n.parent_key IS NULL AND n.status = 'Active'
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AnalysedNorm(reader.GetInt64(0), reader.GetString(1), LanguageCodes.Parse(reader.GetString(2)), reader.GetString(3), Text(reader, 4, 5));
        }
    }

    /// <summary>The texts (heading first) of the norms with these keys.</summary>
    public Dictionary<long, string> Texts(IEnumerable<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var texts = new Dictionary<long, string>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT heading, text FROM norms WHERE norm_key = $key";
        var key = command.Parameters.Add("$key", SqliteType.Integer);
        foreach (var wanted in keys.Distinct())
        {
            key.Value = wanted;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                texts[wanted] = Text(reader, 0, 1);
            }
        }

        return texts;
    }

    /// <summary>
    /// Resolved references from norms of current editions: the referring act, the target act and the target's
    /// top-level norm (article or point), one row per reference.
    /// </summary>
    public List<(string FromAct, Language Language, string TargetAct, string? TargetTopLevel)> References()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.language, r.target_act_id, r.target_norm_id
            FROM norm_references r JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key
            WHERE r.target_act_id IS NOT NULL AND a.is_current = 1
            """;
        using var reader = command.ExecuteReader();
        var references = new List<(string, Language, string, string?)>();
        while (reader.Read())
        {
            var target = reader.GetString(2);
            var norm = reader.IsDBNull(3) ? null : reader.GetString(3);
            references.Add((reader.GetString(0), LanguageCodes.Parse(reader.GetString(1)), target, norm is null ? null : TopLevel(target, norm)));
        }

        return references;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>«K/art:5/p:2» → «K/art:5»; an annex's norm keeps its annex.</summary>
    private static string TopLevel(string actId, string normId)
    {
        var rest = normId.Length > actId.Length + 1 ? normId[(actId.Length + 1)..] : string.Empty;
        var parts = rest.Split('/');
        var keep = parts.Length > 1 && parts[0].StartsWith("annex:", StringComparison.Ordinal) ? 2 : 1;
        return actId + "/" + string.Join('/', parts.Take(keep));
    }

    private static string Text(SqliteDataReader reader, int heading, int body) =>
        reader.IsDBNull(heading) || reader.GetString(heading).Length == 0 ? reader.GetString(body) : reader.GetString(heading) + "\n" + reader.GetString(body);
}
