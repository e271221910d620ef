using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Findings;

/// <summary>An act's current edition with its title, kind and status, as the detectors read it.</summary>
internal static class CatalogActs
{
    public static FindingAct? Current(LegalCatalog catalog, string actId, Language language)
    {
        var summary = catalog.GetAct(actId, language);
        if (summary is null || summary.Language != language || catalog.Read(actId, language) is not { } edition)
        {
            return null;
        }

        return new FindingAct(summary.Id, language, summary.Title, summary.Kind, summary.Status, edition.Norms);
    }
}
