using Assistant.Core.Acts;
using Assistant.Core.Audit;
using Assistant.Core.Findings;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Findings;

/// <summary>Gathers what the analytical report shows: the stored findings, the catalog's amendment history and the audit trail's unanswered questions.</summary>
public sealed class FindingsReportSource(LegalCatalog catalog, IFindingStore store, IAuditTrail? audit)
{
    /// <summary>Findings are read in pages of this size: the store's list is paged.</summary>
    private const int Page = 500;

    /// <param name="referenceDate">The day stability counts back from.</param>
    /// <param name="demandSince">The first day of the questions counted; null: the whole trail.</param>
    public async Task<FindingsReport> BuildAsync(DateOnly referenceDate, DateTimeOffset? demandSince, int top, DateTimeOffset generated, CancellationToken cancellationToken)
    {
        var findings = await AllFindingsAsync(cancellationToken).ConfigureAwait(false);
        var amendments = Enum.GetValues<Language>().SelectMany(language => CatalogAmendments.Read(catalog, language, cancellationToken));
        var stability = StabilityReport.Of(amendments, referenceDate);
        var demand = audit is null ? null : await UnmetDemand.ReadAsync(audit, demandSince, null, cancellationToken).ConfigureAwait(false);
        return FindingsReport.Of(findings, stability, demand, generated, top);
    }

    private async Task<List<StoredFinding>> AllFindingsAsync(CancellationToken cancellationToken)
    {
        var all = new List<StoredFinding>();
        while (true)
        {
            var page = new List<StoredFinding>();
            await foreach (var finding in store.ListAsync(new FindingFilter(Offset: all.Count, Limit: Page), cancellationToken).ConfigureAwait(false))
            {
                page.Add(finding);
            }

            all.AddRange(page);
            if (page.Count < Page)
            {
                return all;
            }
        }
    }
}
