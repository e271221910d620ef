using Assistant.Core.Answers;
using Assistant.Storage.Catalog;

namespace Assistant.Api.Chat;

/// <summary>Lexical retrieval from the catalog, with each hit's whole text for the prompt. Acts not in force are left out.</summary>
internal sealed class CatalogRetriever(LegalCatalog catalog) : INormRetriever
{
    public string Mode => "lexical";

    public Task<IReadOnlyList<RetrievedNorm>> RetrieveAsync(string query, RetrievalFilters filters, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        cancellationToken.ThrowIfCancellationRequested();
        var hits = catalog.Search(new SearchQuery(query) { Top = top, Language = filters.Language, ActId = filters.ActId });
        var norms = new List<RetrievedNorm>(hits.Count);
        foreach (var hit in hits)
        {
            var text = catalog.GetNormText(hit.NormId, hit.Language) ?? hit.Snippet;
            norms.Add(new RetrievedNorm(hit.NormId, hit.Language, hit.Citation, hit.Heading, text, hit.Score, hit.NamedInQuery));
        }

        return Task.FromResult<IReadOnlyList<RetrievedNorm>>(norms);
    }
}
