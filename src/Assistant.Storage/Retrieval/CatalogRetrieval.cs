using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Core.Vectors;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Retrieval;

/// <summary>
/// Search over the catalog in any retrieval mode: lexical hits come from the catalog's FTS5 index, dense ones from
/// the vector index behind <see cref="NormRanking"/>, and every hit is described from the catalog (citation, heading,
/// snippet, and the article's heading for a paragraph). The lexical side also searches what the thesaurus adds to the
/// question; the dense side embeds the question as asked.
/// </summary>
public sealed class CatalogRetrieval
{
    private readonly LegalCatalog _catalog;
    private readonly Func<NormRanking> _ranking;

    public CatalogRetrieval(LegalCatalog catalog, NormRanking ranking, Thesaurus? thesaurus = null)
        : this(catalog, () => ranking, thesaurus)
    {
    }

    /// <param name="ranking">The ranking of the moment, asked for once per search: a service's vectors come and go as the indexer writes them.</param>
    /// <param name="thesaurus">Null: questions are searched in their own words only.</param>
    public CatalogRetrieval(LegalCatalog catalog, Func<NormRanking> ranking, Thesaurus? thesaurus = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        _catalog = catalog;
        _ranking = ranking;
        Thesaurus = thesaurus;
    }

    public NormRanking Ranking => _ranking();

    public Thesaurus? Thesaurus { get; }

    /// <param name="mode">Null: hybrid when there are vectors, lexical otherwise.</param>
    /// <exception cref="ArgumentException">A dense or hybrid search of a past edition: vectors hold current editions only.</exception>
    /// <exception cref="InvalidOperationException">A dense or hybrid search without vectors.</exception>
    public async Task<RetrievalResult> SearchAsync(SearchQuery query, RetrievalMode? mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ranking = Ranking;
        // Vectors hold current editions only: a past edition, or the law as of a date, is searched lexically.
        var pastEdition = query.Edition ?? (query.AsOf is { } asOf ? $"as of {asOf:yyyy-MM-dd}" : null);
        var chosen = mode ?? (pastEdition is null ? ranking.DefaultMode : RetrievalMode.Lexical);
        if (chosen != RetrievalMode.Lexical && pastEdition is not null)
        {
            throw new ArgumentException($"{chosen.ToCode()} search covers the current editions only; search edition '{pastEdition}' lexically.", nameof(query));
        }

        query = query with { Expansion = Thesaurus?.Expand(query.Text, query.Language) ?? QueryExpansion.None };
        var lexicalHits = new Dictionary<(NormId, Language), SearchHit>();
        IReadOnlyList<LexicalCandidate> Lexical(int depth)
        {
            var hits = ranking.Options.AuthorityWeight == 0
                ? _catalog.Search(query with { Top = depth })
                : ByAuthority(_catalog.Search(query with { Top = Math.Max(depth, ranking.Options.AuthorityDepth) }), ranking.Options.AuthorityWeight).Take(depth).ToList();
            foreach (var hit in hits)
            {
                lexicalHits.TryAdd((hit.NormId, hit.Language), hit);
            }

            return [.. hits.Select(hit => new LexicalCandidate(hit.NormId, hit.Language, hit.NamedInQuery))];
        }

        var filter = new VectorFilter
        {
            Language = query.Language,
            ActIds = query.ActId is null ? null : [query.ActId],
            Kind = query.Kind,
            InForceOnly = !query.IncludeNotInForce,
        };
        var ranked = await ranking.RankAsync(query.Text, Lexical, filter, chosen, Math.Max(query.Top, 1), cancellationToken).ConfigureAwait(false);

        var terms = query.SearchedTerms();
        var described = new List<SearchHit>(ranked.Norms.Count);
        foreach (var norm in ranked.Norms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hit = lexicalHits.TryGetValue((norm.NormId, norm.Language), out var lexical)
                ? chosen == RetrievalMode.Lexical ? lexical : lexical with { Score = norm.Score }
                : _catalog.Describe(norm.NormId, norm.Language, terms, norm.Score);

            // A vector of a norm no longer in the catalog: the index lags behind an ingest until the next embed.
            if (hit is null)
            {
                continue;
            }

            var articleHeading = norm.NormId == norm.NormId.TopLevel ? null : _catalog.GetHeading(norm.NormId.TopLevel, norm.Language);
            described.Add(chosen == RetrievalMode.Lexical
                ? hit with { ArticleHeading = articleHeading }
                : hit with { LexicalRank = norm.LexicalRank, DenseRank = norm.DenseRank, ArticleHeading = articleHeading });
        }

        return new RetrievalResult(chosen, described, ranked.Lexical, ranked.Dense) { Expansion = query.Expansion };
    }

    /// <summary>
    /// Hits re-scored by their act's authority, named norms still first: at equal relevance the act the law relies on
    /// comes before a stale copy or a local decision.
    /// </summary>
    private IEnumerable<SearchHit> ByAuthority(IReadOnlyList<SearchHit> hits, double weight)
    {
        var authority = _catalog.ActAuthority();
        return hits
            .Select((hit, rank) => (Hit: hit.NamedInQuery ? hit : hit with { Score = hit.Score * authority.Prior(hit.ActId, weight) }, Rank: rank))
            .OrderByDescending(pair => pair.Hit.NamedInQuery)
            .ThenByDescending(pair => pair.Hit.Score)
            .ThenBy(pair => pair.Rank)
            .Select(pair => pair.Hit);
    }
}

/// <param name="Lexical">Time spent on the lexical side; zero in dense mode.</param>
/// <param name="Dense">Time spent embedding the question and searching vectors; zero in lexical mode.</param>
public sealed record RetrievalResult(RetrievalMode Mode, IReadOnlyList<SearchHit> Hits, TimeSpan Lexical, TimeSpan Dense)
{
    /// <summary>What the thesaurus added to the question, shown so that a user sees why a hit came.</summary>
    public QueryExpansion Expansion { get; init; } = QueryExpansion.None;
}
