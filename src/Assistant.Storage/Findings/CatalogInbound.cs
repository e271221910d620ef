using Assistant.Core.Acts;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Findings;

/// <summary>Inbound references per norm id, counted from the catalog's resolved references between current editions.</summary>
internal static class CatalogInbound
{
    public static IReadOnlyDictionary<string, int> Count(LegalCatalog catalog, Language language) =>
        catalog.AllReferences(language)
            .Where(r => r.From != r.Target)
            .CountBy(r => r.Target.ToString(), StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
