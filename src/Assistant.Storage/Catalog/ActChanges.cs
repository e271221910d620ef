using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Changes;
using Assistant.Core.Norms;

namespace Assistant.Storage.Catalog;

/// <summary>A norm whose footnotes name amending laws of a period, with those laws.</summary>
public sealed record AmendedNorm(string ActId, string ActTitle, NormId Norm, string Article, IReadOnlyList<Amendment> Amendments);

/// <summary>Change reports over the catalog: between two editions of an act, and across acts for a period.</summary>
public static class ActChanges
{
    /// <summary>
    /// The norms that differ from edition <paramref name="from"/> (default: the oldest) to <paramref name="to"/>
    /// (default: the current one); editions are named as <see cref="LegalCatalog.Read"/> names them.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The act or an edition is not in the catalog; the message says which.</exception>
    public static ChangeReport Between(LegalCatalog catalog, string actId, Language language, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var editions = catalog.ListEditions(actId, language);
        if (editions.Count == 0)
        {
            throw new KeyNotFoundException($"No act {actId} ({language.ToCode()}) in the catalog.");
        }

        var newer = catalog.Read(actId, language, to)
            ?? throw new KeyNotFoundException($"Act {actId} has no edition '{to}'; its editions: {string.Join(", ", editions.Select(Label))}.");
        var older = catalog.Read(newer.ActId, language, from ?? editions[0])
            ?? throw new KeyNotFoundException($"Act {actId} has no edition '{from}'; its editions: {string.Join(", ", editions.Select(Label))}.");
        return EditionComparison.Compare(older, newer);
    }

    /// <summary>Norms of current editions whose footnotes name laws adopted on or after <paramref name="since"/>, by act.</summary>
    public static IReadOnlyList<AmendedNorm> Since(LegalCatalog catalog, DateOnly since, Language language = Language.Ru)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var amended = new List<AmendedNorm>();
        foreach (var norm in catalog.CurrentFootnotes(language, since).GroupBy(row => (row.ActId, row.ActTitle, row.Norm, row.Number)))
        {
            var laws = norm.SelectMany(row => FootnoteReader.Amendments(row.Footnote)).Where(a => a.AdoptedOn >= since).ToList();
            if (laws.Count > 0)
            {
                amended.Add(new AmendedNorm(norm.Key.ActId, norm.Key.ActTitle, norm.Key.Norm, norm.Key.Number, laws));
            }
        }

        return amended;
    }

    private static string Label(string edition) => edition.Length == 0 ? "undated" : edition;
}
