using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Retrieval;

/// <summary>
/// The closest norms of other acts through the catalog's search: lexical, or lexical and dense fused when the
/// retrieval has vectors. Current editions of acts in force only; the norm's own act is left out.
/// </summary>
/// <param name="retrieval">Null: the catalog's lexical search alone.</param>
/// <param name="mode">The retrieval's mode; null: hybrid when it has vectors, lexical otherwise.</param>
public sealed class CatalogNeighbours(LegalCatalog catalog, CatalogRetrieval? retrieval = null, RetrievalMode? mode = null) : INormNeighbours
{
    /// <summary>The own act's norms rank first for a sentence of its own, so more are asked for than kept.</summary>
    private const int OwnActMargin = 10;

    private readonly Dictionary<string, ActKind> _kinds = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<NeighbourNorm>> ClosestAsync(string text, Language language, string exceptActId, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = new SearchQuery(text) { Top = top + OwnActMargin, Language = language };
        var hits = retrieval is null ? catalog.Search(query) : (await retrieval.SearchAsync(query, mode, cancellationToken).ConfigureAwait(false)).Hits;
        var neighbours = new List<NeighbourNorm>(top);
        foreach (var hit in hits.Where(h => h.ActId != exceptActId && h.Edition is null))
        {
            if (catalog.GetNormText(hit.NormId, language) is not { } normText)
            {
                continue;
            }

            neighbours.Add(new NeighbourNorm(hit.NormId, hit.Citation, KindOf(hit.ActId), normText));
            if (neighbours.Count == top)
            {
                break;
            }
        }

        return neighbours;
    }

    public ActKind KindOf(string actId)
    {
        if (!_kinds.TryGetValue(actId, out var kind))
        {
            kind = catalog.GetAct(actId)?.Kind ?? ActKind.Unknown;
            _kinds[actId] = kind;
        }

        return kind;
    }
}
