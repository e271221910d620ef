using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Citations;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>Reads norms, acts and counts back out of the catalog.</summary>
internal sealed class CatalogReader(SqliteConnection connection)
{
    private const int PartTextLength = 160;

    /// <summary>Editions by any of their names, and their whole text.</summary>
    public EditionReader Editions { get; } = new(connection);

    /// <summary>References between norms of current editions.</summary>
    public ReferenceReader References { get; } = new(connection);

    /// <inheritdoc cref="CatalogGeneration"/>
    public long Generation() => CatalogGeneration.Read(connection);

    public NormDetails? GetNorm(NormId id, Language? language, string? edition)
    {
        // An edition may be named by its label, its source record («ru2024-261») or a date it was in force on.
        if (edition is not null && Editions.Find(id.ActId, language ?? Language.Ru, edition) is { } found)
        {
            edition = found.Edition;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT n.norm_key, a.language, a.title, n.heading, n.text, n.path, n.status, a.edition, a.is_current
            FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE n.norm_id = $id AND {(edition is null ? "a.is_current = 1" : "a.edition = $edition")}
                {(language is null ? string.Empty : "AND a.language = $language")}
            ORDER BY a.language = 'ru' DESC
            LIMIT 1
            """;
        command.Parameters.AddWithValue("$id", id.ToString());
        command.Parameters.AddWithValue("$edition", edition ?? string.Empty);
        command.Parameters.AddWithValue("$language", language?.ToCode() ?? string.Empty);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var normKey = reader.GetInt64(0);
        var normLanguage = LanguageCodes.Parse(reader.GetString(1));
        var title = reader.GetString(2);
        var storedEdition = reader.GetString(7);
        return new NormDetails(
            id,
            normLanguage,
            title,
            Citation.Display(id, title, normLanguage),
            NullableString(reader, 3),
            reader.GetString(4),
            reader.GetString(5),
            Enum.Parse<NormStatus>(reader.GetString(6)),
            storedEdition.Length == 0 ? null : storedEdition,
            reader.GetBoolean(8),
            Footnotes(normKey),
            EditorialNotes(normKey),
            ReferencesOut(normKey, normLanguage),
            ReferencesIn(id, normLanguage),
            Parts(normKey, id.ActId),
            Languages(id),
            AdiletPage.Of(id.ActId, normLanguage));
    }

    public string? GetNormText(NormId id, Language language)
    {
        using var command = CurrentNorm("n.text", id, language);
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// The headed articles of the current editions in force of the Constitution, constitutional laws, codes and laws in
    /// one language.
    /// </summary>
    public List<ArticleHeading> ArticleHeadings(Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, n.norm_id, n.heading
            FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE a.is_current = 1 AND a.language = $language AND n.parent_key IS NULL AND n.status = 'Active'
              AND a.status IN ('InForce', 'Unknown') AND a.kind IN ('Constitution', 'ConstitutionalLaw', 'Code', 'Law')
              AND n.heading IS NOT NULL AND n.heading <> ''
            ORDER BY n.norm_key
            """;
        command.Parameters.AddWithValue("$language", language.ToCode());
        var headings = new List<ArticleHeading>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            headings.Add(new ArticleHeading(StoredNormId.Read(reader.GetString(0), reader.GetString(1)), language, reader.GetString(2)));
        }

        return headings;
    }

    /// <summary>Per act, its kind as its current editions give it.</summary>
    public Dictionary<string, ActKind> KindsByAct()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind FROM acts WHERE is_current = 1 ORDER BY language DESC";
        var kinds = new Dictionary<string, ActKind>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Russian rows come first ('ru' > 'kk'): where the two editions disagree, the Russian one's kind stands.
            kinds.TryAdd(reader.GetString(0), Enum.Parse<ActKind>(reader.GetString(1)));
        }

        return kinds;
    }

    /// <summary>Per act, the references to it from norms of the current editions of other acts.</summary>
    public Dictionary<string, int> ReferencesByAct()
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.target_act_id, count(*) FROM norm_references r
            JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key
            WHERE r.target_act_id IS NOT NULL AND r.target_act_id <> a.id AND a.is_current = 1
            GROUP BY r.target_act_id
            """;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>A norm of the current edition as a search hit, for norms that only the dense side found.</summary>
    public SearchHit? Describe(NormId id, Language language, IReadOnlySet<string> queryTerms, double score)
    {
        using var command = CurrentNorm("a.title, n.heading, n.text", id, language);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return SearchHit.FromNorm(id, language, reader.GetString(0), NullableString(reader, 1), reader.GetString(2), queryTerms, score, namedInQuery: false);
    }

    /// <summary>The heading of a top-level norm of the current edition.</summary>
    public string? GetHeading(NormId id, Language language)
    {
        using var command = CurrentNorm("n.heading", id, language);
        return command.ExecuteScalar() as string;
    }

    /// <summary>A query of <paramref name="columns"/> (of norms n and acts a) for one norm of the current edition in one language.</summary>
    private SqliteCommand CurrentNorm(string columns, NormId id, Language language)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {columns} FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE n.norm_id = $id AND a.is_current = 1 AND a.language = $language
            """;
        command.Parameters.AddWithValue("$id", id.ToString());
        command.Parameters.AddWithValue("$language", language.ToCode());
        return command;
    }

    /// <summary>Top-level norms of current editions after <paramref name="afterNormKey"/>, in key order.</summary>
    public List<EmbeddableNorm> ListEmbeddable(long afterNormKey, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.norm_key, n.norm_id, a.id, a.language, a.kind, a.status, n.status, n.heading, n.text, a.edition
            FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE a.is_current = 1 AND n.parent_key IS NULL AND n.norm_key > $after
            ORDER BY n.norm_key
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", afterNormKey);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var norms = new List<EmbeddableNorm>(limit);
        while (reader.Read())
        {
            var heading = NullableString(reader, 7);
            var body = reader.GetString(8);
            norms.Add(new EmbeddableNorm(
                reader.GetInt64(0),
                new VectorKey(StoredNormId.Read(reader.GetString(2), reader.GetString(1)), LanguageCodes.Parse(reader.GetString(3))),
                reader.GetString(2),
                Enum.Parse<ActKind>(reader.GetString(4)),
                Enum.Parse<ActStatus>(reader.GetString(5)),
                Enum.Parse<NormStatus>(reader.GetString(6)),
                string.IsNullOrEmpty(heading) ? body : heading + "\n" + body,
                reader.GetString(9) is { Length: > 0 } edition ? edition : null));
        }

        return norms;
    }

    public List<ActSummary> ListActs(ActFilter filter, string? actId = null)
    {
        using var command = connection.CreateCommand();
        var conditions = new List<string>();
        if (!filter.AllEditions)
        {
            conditions.Add("a.is_current = 1");
        }

        if (actId is not null)
        {
            conditions.Add("a.id = $id");
            command.Parameters.AddWithValue("$id", actId);
        }

        if (filter.Language is { } language)
        {
            conditions.Add("a.language = $language");
            command.Parameters.AddWithValue("$language", language.ToCode());
        }

        if (filter.Kind is { } kind)
        {
            conditions.Add("a.kind = $kind");
            command.Parameters.AddWithValue("$kind", kind.ToString());
        }

        if (filter.Status is { } status)
        {
            conditions.Add("a.status = $status");
            command.Parameters.AddWithValue("$status", status.ToString());
        }

        command.CommandText = $"""
            SELECT a.id, a.language, a.title, a.kind, a.adopted_on, a.number, a.status, a.edition, a.is_current,
                (SELECT group_concat(edition, char(31)) FROM (SELECT edition FROM acts b WHERE b.id = a.id AND b.language = a.language ORDER BY edition)),
                (SELECT count(*) FROM norms n WHERE n.act_key = a.act_key AND n.parent_key IS NULL),
                a.source, a.ingested_at
            FROM acts a
            {(conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions.Select(c => "(" + c + ")")))}
            ORDER BY a.id, a.language, a.edition
            """;
        var acts = new List<ActSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var title = reader.GetString(2);
            // SQLite's lower() folds ASCII only, so Cyrillic titles are matched here.
            if (filter.TitleContains is { } part && !title.Contains(part.Trim(), StringComparison.CurrentCultureIgnoreCase))
            {
                continue;
            }

            var edition = reader.GetString(7);
            acts.Add(new ActSummary(
                reader.GetString(0),
                LanguageCodes.Parse(reader.GetString(1)),
                title,
                Enum.Parse<ActKind>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                NullableString(reader, 5),
                Enum.Parse<ActStatus>(reader.GetString(6)),
                edition.Length == 0 ? null : edition,
                reader.GetBoolean(8),
                [.. reader.GetString(9).Split('\u001f').Select(e => e.Length == 0 ? null : e)],
                reader.GetInt32(10),
                NullableString(reader, 11),
                StoredTime.Parse(reader.GetString(12))));
        }

        return acts;
    }

    /// <summary>Footnotes of the top-level norms of current editions in one language that name a year from <paramref name="since"/> on.</summary>
    public List<(string ActId, string ActTitle, NormId Norm, string Number, string Footnote)> CurrentFootnotes(Language language, DateOnly since)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.title, n.norm_id, n.number, f.text
            FROM footnotes f JOIN norms n ON n.norm_key = f.norm_key JOIN acts a ON a.act_key = f.act_key
            WHERE a.is_current = 1 AND a.language = $language AND n.parent_key IS NULL
            ORDER BY a.id, n.norm_key, f.ordinal
            """;
        command.Parameters.AddWithValue("$language", language.ToCode());
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, NormId, string, string)>();
        var years = Enumerable.Range(since.Year, Math.Max(1, DateTime.UtcNow.Year - since.Year + 2)).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();
        while (reader.Read())
        {
            var text = reader.GetString(4);
            if (years.Any(year => text.Contains(year, StringComparison.Ordinal)))
            {
                var actId = reader.GetString(0);
                rows.Add((actId, reader.GetString(1), StoredNormId.Read(actId, reader.GetString(2)), reader.GetString(3), text));
            }
        }

        return rows;
    }

    public CatalogStats GetStats()
    {
        var acts = Counts("SELECT language, count(DISTINCT id), count(*) FROM acts GROUP BY language");
        var norms = Counts(
            "SELECT a.language, sum(n.parent_key IS NULL), count(*) FROM norms n JOIN acts a ON a.act_key = n.act_key WHERE a.is_current = 1 GROUP BY a.language");
        var references = Counts(
            """
            SELECT a.language, sum(r.target_act_id IS NOT NULL OR r.target_norm_id IS NOT NULL), sum(r.target_act_id IS NULL AND r.target_norm_id IS NULL)
            FROM norm_references r JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key
            WHERE a.is_current = 1 GROUP BY a.language
            """);
        var byLanguage = new Dictionary<Language, LanguageStats>();
        foreach (var language in acts.Keys)
        {
            var (actCount, editions) = acts[language];
            var (topLevel, all) = norms.GetValueOrDefault(language);
            var (resolved, unresolved) = references.GetValueOrDefault(language);
            byLanguage[language] = new LanguageStats(actCount, editions, topLevel, all, resolved, unresolved);
        }

        var total = new LanguageStats(
            byLanguage.Values.Sum(s => s.Acts),
            byLanguage.Values.Sum(s => s.Editions),
            byLanguage.Values.Sum(s => s.TopLevelNorms),
            byLanguage.Values.Sum(s => s.AllNorms),
            byLanguage.Values.Sum(s => s.ReferencesResolved),
            byLanguage.Values.Sum(s => s.ReferencesUnresolved));
        return new CatalogStats(total, byLanguage);
    }

    private Dictionary<Language, (int, int)> Counts(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<Language, (int, int)>();
        while (reader.Read())
        {
            counts[LanguageCodes.Parse(reader.GetString(0))] = (reader.GetInt32(1), reader.GetInt32(2));
        }

        return counts;
    }

    private List<Footnote> Footnotes(long normKey) =>
        Rows(
            "SELECT text, amending_act, amended_on FROM footnotes WHERE norm_key = $key ORDER BY ordinal",
            normKey,
            reader => new Footnote(
                reader.GetString(0),
                NullableString(reader, 1),
                reader.IsDBNull(2) ? null : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private List<EditorialNote> EditorialNotes(long normKey) =>
        Rows("SELECT text FROM editorial_notes WHERE norm_key = $key ORDER BY ordinal", normKey, reader => new EditorialNote(reader.GetString(0)));

    private List<NormPart> Parts(long normKey, string actId) =>
        Rows("SELECT norm_id, text FROM norms WHERE parent_key = $key ORDER BY ordinal", normKey, reader => new NormPart(StoredNormId.Read(actId, reader.GetString(0)), ShortText(reader.GetString(1))));

    /// <summary>References out of the norm; a target in the catalog is cited by its current title, in this language when possible.</summary>
    private List<NormReferenceOut> ReferencesOut(long normKey, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.text, r.target_act_id, r.target_norm_id,
                (SELECT a.title || char(31) || a.language FROM norms t JOIN acts a ON a.act_key = t.act_key
                 WHERE t.norm_id = r.target_norm_id AND a.is_current = 1 ORDER BY a.language = $language DESC LIMIT 1)
            FROM norm_references r WHERE r.norm_key = $key ORDER BY r.ordinal
            """;
        command.Parameters.AddWithValue("$key", normKey);
        command.Parameters.AddWithValue("$language", language.ToCode());
        using var reader = command.ExecuteReader();
        var references = new List<NormReferenceOut>();
        while (reader.Read())
        {
            NormId? target = reader.IsDBNull(2) ? null : StoredNormId.Read(reader.GetString(1), reader.GetString(2));
            string? citation = null;
            if (target is { } targetId && NullableString(reader, 3) is { } found)
            {
                var parts = found.Split('\u001f');
                citation = Citation.Display(targetId, parts[0], LanguageCodes.Parse(parts[1]));
            }

            references.Add(new NormReferenceOut(reader.GetString(0), NullableString(reader, 1), target, citation));
        }

        return references;
    }

    /// <summary>Norms of current editions in the same language that cite this norm, its article, or a part of it.</summary>
    /// <remarks>CROSS JOIN keeps SQLite starting from the target index rather than from every current act.</remarks>
    private List<NormReferenceIn> ReferencesIn(NormId id, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.norm_id, a.title, min(r.text), a.id
            FROM norm_references r CROSS JOIN norms n ON n.norm_key = r.norm_key CROSS JOIN acts a ON a.act_key = n.act_key
            WHERE (r.target_norm_id IN ($id, $top) OR (r.target_norm_id > $id || '/' AND r.target_norm_id < $id || '0'))
                AND a.is_current = 1 AND a.language = $language AND n.norm_id <> $id
            GROUP BY n.norm_id, a.title, a.id
            ORDER BY n.norm_id
            """;
        command.Parameters.AddWithValue("$id", id.ToString());
        command.Parameters.AddWithValue("$top", id.TopLevel.ToString());
        command.Parameters.AddWithValue("$language", language.ToCode());
        using var reader = command.ExecuteReader();
        var references = new List<NormReferenceIn>();
        while (reader.Read())
        {
            var from = StoredNormId.Read(reader.GetString(3), reader.GetString(0));
            references.Add(new NormReferenceIn(from, Citation.Display(from, reader.GetString(1), language), reader.GetString(2)));
        }

        return references;
    }

    private List<Language> Languages(NormId id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT a.language FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE n.norm_id = $id AND a.is_current = 1 ORDER BY a.language = 'ru' DESC
            """;
        command.Parameters.AddWithValue("$id", id.ToString());
        using var reader = command.ExecuteReader();
        var languages = new List<Language>();
        while (reader.Read())
        {
            languages.Add(LanguageCodes.Parse(reader.GetString(0)));
        }

        return languages;
    }

    private List<T> Rows<T>(string sql, long key, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string ShortText(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= PartTextLength ? flat : string.Concat(flat.AsSpan(0, PartTextLength), "…");
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
