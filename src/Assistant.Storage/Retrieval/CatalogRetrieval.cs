using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Reranking;
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

    public CatalogRetrieval(LegalCatalog catalog, NormRanking ranking, Thesaurus? thesaurus = null, INormReranker? reranker = null)
        : this(catalog, () => ranking, thesaurus, reranker)
    {
    }

    /// <param name="ranking">The ranking of the moment, asked for once per search: a service's vectors come and go as the indexer writes them.</param>
    /// <param name="thesaurus">Null: questions are searched in their own words only.</param>
    /// <param name="reranker">Null: the first rankers' order stands.</param>
    public CatalogRetrieval(LegalCatalog catalog, Func<NormRanking> ranking, Thesaurus? thesaurus = null, INormReranker? reranker = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        _catalog = catalog;
        _ranking = ranking;
        Thesaurus = thesaurus;
        Reranker = reranker;
    }

    public NormRanking Ranking => _ranking();

    public Thesaurus? Thesaurus { get; }

    public INormReranker? Reranker { get; }

    /// <param name="mode">Null: hybrid when there are vectors, lexical otherwise.</param>
    /// <exception cref="ArgumentException">A dense or hybrid search of a past edition: vectors hold current editions only.</exception>
    /// <exception cref="InvalidOperationException">A dense or hybrid search without vectors.</exception>
    public async Task<RetrievalResult> SearchAsync(SearchQuery query, RetrievalMode? mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var top = Math.Max(query.Top, 1);
        var reranker = Reranker;
        var found = await FindAsync(query, mode, reranker is null ? top : Math.Max(top, Ranking.Options.RerankDepth), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<RankedNorm> norms = found.Ranked.Norms;
        if (reranker is not null && norms.Count > 1)
        {
            var (candidates, features) = Rerankable(found, cancellationToken);
            var scores = reranker.Score(features);
            var scored = candidates.Select((c, i) => (Key: (c.NormId, c.Language), Score: scores[i])).ToDictionary(p => p.Key, p => p.Score);

            // Norms the question names stay first, as the first rankers put them.
            norms = [.. norms.Select((norm, i) => (Norm: norm, Index: i))
                .Where(pair => scored.ContainsKey((pair.Norm.NormId, pair.Norm.Language)))
                .OrderByDescending(pair => pair.Norm.NamedInQuery)
                .ThenByDescending(pair => scored[(pair.Norm.NormId, pair.Norm.Language)])
                .ThenBy(pair => pair.Index)
                .Select(pair => pair.Norm)];
        }

        var terms = found.Query.SearchedTerms();
        var described = new List<SearchHit>(Math.Min(norms.Count, top));
        foreach (var norm in norms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (described.Count == top)
            {
                break;
            }

            if (Describe(found, norm, terms) is not { } hit)
            {
                continue;
            }

            var articleHeading = norm.NormId == norm.NormId.TopLevel ? null : _catalog.GetHeading(norm.NormId.TopLevel, norm.Language);
            described.Add(found.Mode == RetrievalMode.Lexical
                ? hit with { ArticleHeading = articleHeading }
                : hit with { LexicalRank = norm.LexicalRank, DenseRank = norm.DenseRank, ArticleHeading = articleHeading });
        }

        return new RetrievalResult(found.Mode, described, found.Ranked.Lexical, found.Ranked.Dense)
        {
            Expansion = found.Query.Expansion,
            RerankedBy = reranker?.Name,
        };
    }

    /// <summary>
    /// The first rankers' <paramref name="depth"/> best norms for the question, in their order, with the features the
    /// re-ranker weighs: what <c>train-reranker</c> learns from.
    /// </summary>
    public async Task<(IReadOnlyList<RerankCandidate> Candidates, IReadOnlyList<float[]> Features)> RerankableAsync(
        SearchQuery query, RetrievalMode? mode, int depth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await FindAsync(query, mode, depth, cancellationToken).ConfigureAwait(false);
        return found.Ranked.Norms.Count == 0 ? ([], []) : Rerankable(found, cancellationToken);
    }

    private async Task<Found> FindAsync(SearchQuery query, RetrievalMode? mode, int depth, CancellationToken cancellationToken)
    {
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
        IReadOnlyList<LexicalCandidate> Lexical(int wanted)
        {
            var hits = ranking.Options.AuthorityWeight == 0
                ? _catalog.Search(query with { Top = wanted })
                : ByAuthority(_catalog.Search(query with { Top = Math.Max(wanted, ranking.Options.AuthorityDepth) }), ranking.Options.AuthorityWeight).Take(wanted).ToList();
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
        var ranked = await ranking.RankAsync(query.Text, Lexical, filter, chosen, Math.Max(depth, 1), cancellationToken).ConfigureAwait(false);
        return new Found(query, chosen, ranked, lexicalHits);
    }

    private SearchHit? Describe(Found found, RankedNorm norm, IReadOnlySet<string> terms) =>
        found.LexicalHits.TryGetValue((norm.NormId, norm.Language), out var lexical)
            ? found.Mode == RetrievalMode.Lexical ? lexical : lexical with { Score = norm.Score }

            // A vector of a norm no longer in the catalog: the index lags behind an ingest until the next embed (null).
            : _catalog.Describe(norm.NormId, norm.Language, terms, norm.Score);

    private (List<RerankCandidate> Candidates, float[][] Features) Rerankable(Found found, CancellationToken cancellationToken)
    {
        var kinds = _catalog.ActKinds();
        var authority = _catalog.ActAuthority();
        var terms = found.Query.SearchedTerms();
        var candidates = new List<RerankCandidate>(found.Ranked.Norms.Count);
        foreach (var norm in found.Ranked.Norms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Describe(found, norm, terms) is not { } hit)
            {
                continue;
            }

            var lexical = found.LexicalHits.TryGetValue((norm.NormId, norm.Language), out var lexicalHit) ? lexicalHit.Score : (double?)null;
            candidates.Add(new RerankCandidate(
                norm.NormId,
                norm.Language,
                hit.ActTitle,
                kinds.GetValueOrDefault(hit.ActId, ActKind.Unknown),
                authority.ReferencesTo(hit.ActId),
                hit.Heading,
                _catalog.GetNormText(norm.NormId, norm.Language) ?? hit.Snippet,
                lexical,
                norm.LexicalRank,
                norm.DenseRank,
                norm.NamedInQuery));
        }

        var question = new RerankQuestion(found.Query.Text, found.Query.Language, found.Query.Expansion.Terms, found.Query.HeadingWithheld);
        return (candidates, RerankFeatures.Of(question, candidates));
    }

    /// <summary>The question as searched (with what the thesaurus added), and what each side found.</summary>
    private sealed record Found(SearchQuery Query, RetrievalMode Mode, RankingResult Ranked, Dictionary<(NormId, Language), SearchHit> LexicalHits);

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

    /// <summary>The re-ranker that ordered the hits (its folder); null when the first rankers' order stands.</summary>
    public string? RerankedBy { get; init; }
}
