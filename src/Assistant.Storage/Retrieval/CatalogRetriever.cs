using Assistant.Core.Answers;
using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Retrieval;

/// <summary>
/// Retrieval for answers: hybrid when vectors are configured, lexical otherwise, with each hit's whole text for the
/// prompt (a paragraph under its article's heading). Acts not in force are left out.
/// </summary>
public sealed class CatalogRetriever(LegalCatalog catalog, CatalogRetrieval retrieval) : INormRetriever
{
    public string Mode => retrieval.Ranking.DefaultMode.ToCode();

    public async Task<IReadOnlyList<RetrievedNorm>> RetrieveAsync(string query, RetrievalFilters filters, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var result = await retrieval.SearchAsync(
            new SearchQuery(query) { Top = top, Language = filters.Language, ActId = filters.ActId, AsOf = filters.AsOf },
            mode: null,
            cancellationToken).ConfigureAwait(false);
        var norms = new List<RetrievedNorm>(result.Hits.Count);
        foreach (var hit in result.Hits)
        {
            // A hit from an older edition (asked as of a date) is quoted from that edition.
            var text = (hit.Edition is null ? catalog.GetNormText(hit.NormId, hit.Language) : catalog.GetNorm(hit.NormId, hit.Language, hit.Edition)?.Text) ?? hit.Snippet;
            if (hit.ArticleHeading is { Length: > 0 } heading)
            {
                text = heading + "\n" + text;
            }

            norms.Add(new RetrievedNorm(hit.NormId, hit.Language, hit.Citation, hit.Heading, text, hit.Score, hit.NamedInQuery));
        }

        return norms;
    }
}
