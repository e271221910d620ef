using System.Buffers;
using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Citations;
using Assistant.Core.Editions;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog.Lexical;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog;

/// <summary>
/// Lexical search: bm25 (heading weighted 4:1 over body) over the norms that have the query's rarer terms, from
/// the in-memory <see cref="TermIndex"/> when the catalog keeps one for this generation, else inside FTS5 over a
/// bounded candidate list filtered by a join afterwards, the bound widened when filters removed too many. Norms the
/// query names come first, then hits within the codes it names, then the rest.
/// </summary>
internal sealed class NormSearch(SqliteConnection connection, LiveTermIndex? termIndex)
{
    /// <summary>A term in more than this share of norms is dropped when the query has rarer terms: it barely ranks.</summary>
    private const double CommonTermShare = 0.2;

    /// <summary>A term in at most this share of norms selects the norms that are ranked.</summary>
    private const double SelectingTermShare = 0.02;

    /// <summary>Below this many norms ranking over every term is cheap, so no term is dropped.</summary>
    private const long PruningFrom = 10_000;

    /// <summary>Kept at most this many terms' document counts; past it the cache starts over.</summary>
    private const int MaxCachedTerms = 50_000;

    private long? _normCount;
    private long _generation = -1;

    // Counting a term's norms in FTS5 reads its whole doclist (milliseconds for common terms), and questions share
    // their vocabulary, so counts are kept until the next save.
    private readonly Dictionary<string, long> _termNorms = new(StringComparer.Ordinal);

    /// <summary>A range «статьи 120-135» is expanded to at most this many articles.</summary>
    public const int MaxNamedArticles = 50;

    /// <summary>The score of a norm the query names: above any bm25 score, and finite so that it serialises.</summary>
    public const double NamedScore = double.MaxValue;

    public const double HeadingWeight = 4.0;
    public const double BodyWeight = 1.0;

    // The language column only filters: it weighs nothing.
    private static readonly string Bm25 = string.Create(CultureInfo.InvariantCulture, $"bm25(norm_fts, {HeadingWeight}, {BodyWeight}, 0)");
    private static readonly string BodyBm25 = string.Create(CultureInfo.InvariantCulture, $"bm25(norm_fts, 0, {BodyWeight}, 0)");

    private static readonly SearchValues<char> KazakhLetters = SearchValues.Create("әғқңөұүһіӘҒҚҢӨҰҮҺІ");

    public IReadOnlyList<SearchHit> Search(SearchQuery query, IReadOnlyList<CitedNorms> cited)
    {
        ArgumentNullException.ThrowIfNull(query);
        SeeGeneration(CatalogGeneration.Read(connection));
        var top = Math.Max(query.Top, 1);
        var terms = query.SearchedTerms();
        var hits = new List<SearchHit>();
        var seen = new HashSet<(string, Language)>();
        foreach (var hit in Named(query, cited))
        {
            if (seen.Add((hit.NormId.ToString(), hit.Language)))
            {
                hits.Add(hit);
            }
        }

        if (terms.Count == 0)
        {
            return hits;
        }

        // A question that names a code («какая статья УК РК за подмену ребенка») is asking within it.
        var namedActs = query.ActId is null ? CitationQuery.NamedActs(query.Text) : [];
        var withinNamed = namedActs
            .SelectMany(actId => Lexical(query with { ActId = actId }, terms, top))
            .OrderByDescending(hit => hit.Score);
        Add(hits, seen, withinNamed, top);
        Add(hits, seen, Lexical(query, terms, top + hits.Count), top);
        return hits;
    }

    private static void Add(List<SearchHit> hits, HashSet<(string, Language)> seen, IEnumerable<SearchHit> more, int top)
    {
        foreach (var hit in more)
        {
            if (hits.Count >= top)
            {
                return;
            }

            if (seen.Add((hit.NormId.ToString(), hit.Language)))
            {
                hits.Add(hit);
            }
        }
    }

    private List<SearchHit> Lexical(SearchQuery query, HashSet<string> terms, int wanted)
    {
        if (query.Edition is null && query.AsOf is null && termIndex?.For(connection, _generation, NormCount()) is { } index)
        {
            return InMemory(index, query, terms, wanted);
        }

        // FTS5 weighs columns, not terms: here the thesaurus's terms count as the question's own.
        var match = MatchExpression(SplitByFrequency(terms, NormsInFts, query.Expansion), query.Language, query.HeadingWithheld ? "{body}" : "{heading body}");
        using var command = connection.CreateCommand();
        var filters = new StringBuilder(EditionCondition(query));
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$edition", query.Edition ?? string.Empty);
        command.Parameters.AddWithValue("$asof", AsOfParameter(query));
        command.Parameters.AddWithValue("$wanted", wanted);
        var limit = command.Parameters.AddWithValue("$limit", 0);
        var rowids = string.Empty;
        if (query.ActId is not null)
        {
            filters.Append(" AND a.id = $act");
            command.Parameters.AddWithValue("$act", query.ActId);

            // An edition's norms get consecutive keys when saved, so a key range narrows the match inside FTS5. Only
            // the editions searched: the range of every edition would span all acts saved between them.
            var editions = $"a.id = $act AND {EditionCondition(query)}"
                + (query.Language is null ? string.Empty : " AND a.language = $language");
            command.Parameters.AddWithValue("$language", query.Language?.ToCode() ?? string.Empty);
            rowids = $" AND rowid BETWEEN (SELECT min(n.norm_key) FROM norms n JOIN acts a ON a.act_key = n.act_key WHERE {editions})"
                + $" AND (SELECT max(n.norm_key) FROM norms n JOIN acts a ON a.act_key = n.act_key WHERE {editions})";
        }

        if (query.Kind is { } kind)
        {
            filters.Append(" AND a.kind = $kind");
            command.Parameters.AddWithValue("$kind", kind.ToString());
        }

        if (!query.IncludeNotInForce)
        {
            filters.Append(" AND a.status IN ('InForce', 'Unknown') AND n.status = 'Active'");
        }

        command.CommandText = $"""
            WITH ranked AS MATERIALIZED (
                SELECT rowid AS norm_key, {(query.HeadingWithheld ? BodyBm25 : Bm25)} AS score
                FROM norm_fts WHERE norm_fts MATCH $match{rowids} ORDER BY score LIMIT $limit)
            SELECT n.norm_id, a.language, a.id, a.title, n.heading, n.text, r.score, (SELECT count(*) FROM ranked), a.edition, a.is_current
            FROM ranked r JOIN norms n ON n.norm_key = r.norm_key JOIN acts a ON a.act_key = n.act_key
            WHERE {filters}
            ORDER BY r.score
            LIMIT $wanted
            """;

        // Filters apply after ranking, so a narrow filter may need a deeper candidate list.
        foreach (var candidates in new[] { Math.Max(wanted * 20, 200), 5_000, -1 })
        {
            limit.Value = candidates;
            var hits = new List<SearchHit>();
            long ranked = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    hits.Add(OfEdition(LexicalHit(reader, terms, -reader.GetDouble(6)), reader, 8));
                    ranked = reader.GetInt64(7);
                }
            }

            if (hits.Count >= wanted || candidates < 0 || (hits.Count > 0 && ranked < candidates))
            {
                return hits;
            }

            if (hits.Count == 0 && !HasMoreThan(match, candidates))
            {
                return hits;
            }
        }

        return [];
    }

    /// <summary>
    /// The catalog's generation as this read transaction sees it: when saves moved it on, from this process or
    /// another, term statistics changed.
    /// </summary>
    private void SeeGeneration(long generation)
    {
        if (generation != _generation)
        {
            _generation = generation;
            _normCount = null;
            _termNorms.Clear();
        }
    }

    private List<SearchHit> InMemory(TermIndex index, SearchQuery query, HashSet<string> terms, int wanted)
    {
        IReadOnlySet<long>? actKeys = null;
        if (query.ActId is not null)
        {
            using var acts = connection.CreateCommand();
            acts.CommandText = "SELECT act_key FROM acts WHERE id = $act AND is_current = 1";
            acts.Parameters.AddWithValue("$act", query.ActId);
            var keys = new HashSet<long>();
            using (var reader = acts.ExecuteReader())
            {
                while (reader.Read())
                {
                    keys.Add(reader.GetInt64(0));
                }
            }

            actKeys = keys;
        }

        var ranked = index.Rank(SplitByFrequency(terms, index.NormsWith, query.Expansion), new NormFilter(query.Language, query.Kind, !query.IncludeNotInForce, actKeys), wanted, query.HeadingWithheld);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.norm_id, a.language, a.id, a.title, n.heading, n.text
            FROM norms n JOIN acts a ON a.act_key = n.act_key WHERE n.norm_key = $key
            """;
        var key = command.Parameters.AddWithValue("$key", 0L);
        var hits = new List<SearchHit>(ranked.Count);
        foreach (var norm in ranked)
        {
            key.Value = norm.NormKey;
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidDataException($"Norm key {norm.NormKey} is in the lexical index of generation {index.Generation} but not in the catalog.");
            }

            hits.Add(LexicalHit(reader, terms, norm.Score));
        }

        return hits;
    }

    /// <summary>
    /// The editions searched: the one named, the one in force on the «as of» date (the newest dated on or before it,
    /// of an act adopted by then), or the current one.
    /// </summary>
    private static string EditionCondition(SearchQuery query) => query switch
    {
        { Edition: not null } => "a.edition = $edition",
        { AsOf: not null } => "a.edition = (SELECT max(b.edition) FROM acts b WHERE b.id = a.id AND b.language = a.language AND b.edition <= $asof) AND (a.adopted_on IS NULL OR a.adopted_on <= $asof)",
        _ => "a.is_current = 1",
    };

    private static string AsOfParameter(SearchQuery query) => query.AsOf is { } date ? EditionDates.Format(date) : string.Empty;

    /// <summary>A hit from an edition that is not current names that edition in its citation.</summary>
    private static SearchHit OfEdition(SearchHit hit, SqliteDataReader reader, int editionColumn) =>
        reader.GetBoolean(editionColumn + 1) ? hit : hit.FromEdition(reader.GetString(editionColumn));

    /// <summary>A hit from a row of norm_id, language, act id, act title, heading, text: what both rankers select.</summary>
    private static SearchHit LexicalHit(SqliteDataReader reader, HashSet<string> terms, double score)
    {
        var id = StoredNormId.Read(reader.GetString(2), reader.GetString(0));
        var heading = reader.IsDBNull(4) ? null : reader.GetString(4);
        return SearchHit.FromNorm(id, LanguageCodes.Parse(reader.GetString(1)), reader.GetString(3), heading, reader.GetString(5), terms, score, namedInQuery: false);
    }

    /// <summary>
    /// Quoted terms (so user text never reaches the MATCH syntax) over heading and body: a norm matches when it has
    /// a selecting term; scoring terms only add to its bm25 score, through an OR with the selecting terms again. So
    /// rare terms weigh twice, which is the price of keeping bm25's cost to the few norms that have them.
    /// Restricted to the language column when the query names a language.
    /// </summary>
    private static string MatchExpression(QueryTerms terms, Language? language, string columns)
    {
        var words = columns + " : (" + Quoted(terms.Selecting) + ")";
        if (terms.Scoring.Count > 0)
        {
            words += " AND (" + columns + " : (" + Quoted(terms.Scoring.Concat(terms.Selecting)) + "))";
        }

        return language is { } only ? $"language : \"{only.ToCode()}\" AND {words}" : words;
    }

    private static string Quoted(IEnumerable<string> terms) =>
        string.Join(" OR ", terms.Select(term => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>
    /// Splits the query's terms by how many norms have them: bm25 is computed for every norm that matches, so only
    /// rare terms select norms; common ones rank the selected norms; the most common ones are dropped, as they cost
    /// much and tell little. A query of common terms only is selected by its rarest.
    /// </summary>
    private QueryTerms SplitByFrequency(HashSet<string> terms, Func<string, long> normsWith, QueryExpansion expansion)
    {
        var weights = expansion.Terms;
        var normCount = NormCount();
        if (normCount < PruningFrom)
        {
            return new QueryTerms([.. terms], [], weights);
        }

        var present = terms
            .Select(candidate => (Term: candidate, Norms: normsWith(candidate)))
            .Where(found => found.Norms > 0)
            .OrderBy(found => found.Norms)
            .ThenBy(found => found.Term, StringComparer.Ordinal)
            .ToList();
        if (present.Count == 0)
        {
            return new QueryTerms([.. terms], [], weights);
        }

        var selecting = present.Where(found => found.Norms <= normCount * SelectingTermShare).Select(found => found.Term).ToList();
        if (selecting.Count == 0)
        {
            selecting.Add(present[0].Term);
        }

        var scoring = present
            .Where(found => !selecting.Contains(found.Term) && found.Norms <= normCount * CommonTermShare)
            .Select(found => found.Term)
            .ToList();
        return new QueryTerms(selecting, scoring, weights);
    }

    private long NormCount()
    {
        if (_normCount is null)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM norms WHERE parent_key IS NULL";
            _normCount = (long)command.ExecuteScalar()!;
        }

        return _normCount.Value;
    }

    /// <summary>A term's norms as FTS5 counts them, cached.</summary>
    private long NormsInFts(string term)
    {
        if (_termNorms.Count > MaxCachedTerms)
        {
            _termNorms.Clear();
        }

        if (!_termNorms.TryGetValue(term, out var norms))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT doc FROM norm_fts_terms WHERE term = $term";
            command.Parameters.AddWithValue("$term", term);
            norms = command.ExecuteScalar() as long? ?? 0;
            _termNorms[term] = norms;
        }

        return norms;
    }

    private bool HasMoreThan(string match, int candidates)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT 1 FROM norm_fts WHERE norm_fts MATCH $match LIMIT $limit)";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", candidates + 1);
        return (long)command.ExecuteScalar()! > candidates;
    }

    private IEnumerable<SearchHit> Named(SearchQuery query, IReadOnlyList<CitedNorms> cited)
    {
        var languages = Preference(query);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT n.norm_id, a.language, a.id, a.title, n.heading, n.text, a.edition, a.is_current
            FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE n.norm_id = $id AND a.language = $language AND {EditionCondition(query)}
            """;
        command.Parameters.AddWithValue("$asof", AsOfParameter(query));
        var idParameter = command.Parameters.AddWithValue("$id", string.Empty);
        var languageParameter = command.Parameters.AddWithValue("$language", string.Empty);
        command.Parameters.AddWithValue("$edition", query.Edition ?? string.Empty);
        foreach (var citation in cited)
        {
            foreach (var actId in citation.ActIds.Where(id => query.ActId is null || query.ActId == id))
            {
                var found = false;
                foreach (var alternatives in Expand(actId, citation))
                {
                    if (Find(command, idParameter, languageParameter, alternatives, languages) is { } hit)
                    {
                        found = true;
                        yield return hit;
                    }
                }

                // The first act that has the cited norm is the one meant («ГК» names both parts of the Civil Code).
                if (found)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The first alternative that exists, in the first preferred language that has it.</summary>
    private static SearchHit? Find(SqliteCommand command, SqliteParameter idParameter, SqliteParameter languageParameter, NormId[] alternatives, Language[] languages)
    {
        foreach (var id in alternatives)
        {
            foreach (var language in languages)
            {
                idParameter.Value = id.ToString();
                languageParameter.Value = language.ToCode();
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    var heading = reader.IsDBNull(4) ? null : reader.GetString(4);
                    return OfEdition(SearchHit.FromNorm(id, language, reader.GetString(3), heading, reader.GetString(5), new HashSet<string>(), NamedScore, namedInQuery: true), reader, 6);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The norms a citation names, each as alternatives most specific first: a cited point falls back to its
    /// article when the catalog does not split the article into points.
    /// </summary>
    private static IEnumerable<NormId[]> Expand(string actId, CitedNorms citation)
    {
        if (citation.LastArticle is null)
        {
            var article = new NormId(actId, citation.FirstArticle);
            if (citation.Point is null)
            {
                yield return [article];
                yield break;
            }

            var point = article.WithPoint(citation.Point);
            yield return citation.Subpoint is null ? [point, article] : [point.WithSubpoint(citation.Subpoint), point, article];
            yield break;
        }

        if (!int.TryParse(citation.FirstArticle, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(citation.LastArticle, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            yield return [new NormId(actId, citation.FirstArticle)];
            yield return [new NormId(actId, citation.LastArticle)];
            yield break;
        }

        for (var number = first; number <= last && number - first < MaxNamedArticles; number++)
        {
            yield return [new NormId(actId, number.ToString(CultureInfo.InvariantCulture))];
        }
    }

    /// <summary>The query's language, else the language its letters suggest, then the other one.</summary>
    private static Language[] Preference(SearchQuery query)
    {
        if (query.Language is { } language)
        {
            return [language];
        }

        return query.Text.AsSpan().IndexOfAny(KazakhLetters) >= 0 ? [Language.Kk, Language.Ru] : [Language.Ru, Language.Kk];
    }
}

/// <summary>Terms that decide which norms match, and terms that only add to their scores.</summary>
/// <param name="Weights">Terms weighing less than the question's own (the thesaurus's), by term; any other weighs 1.</param>
internal sealed record QueryTerms(IReadOnlyList<string> Selecting, IReadOnlyList<string> Scoring, IReadOnlyDictionary<string, double>? Weights = null)
{
    public double WeightOf(string term) => Weights is not null && Weights.TryGetValue(term, out var weight) ? weight : 1.0;
}
