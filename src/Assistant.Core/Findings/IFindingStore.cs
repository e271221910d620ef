using Assistant.Core.Acts;

namespace Assistant.Core.Findings;

/// <summary>Findings between runs of the analysis, with the reviews experts gave them.</summary>
public interface IFindingStore
{
    /// <summary>
    /// Puts what a run found for one kind in one act's edition in the place of what an earlier run found there. A
    /// finding found again keeps its review and first date; one not found again leaves the list.
    /// </summary>
    Task<FindingMerge> ReplaceAsync(FindingKind kind, string actId, Language language, IReadOnlyList<Finding> findings, CancellationToken cancellationToken);

    /// <summary>The stored findings that pass the filter, highest priority and score first.</summary>
    IAsyncEnumerable<StoredFinding> ListAsync(FindingFilter filter, CancellationToken cancellationToken);

    Task<StoredFinding?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Sets an expert's review; null when no finding has the id.</summary>
    Task<StoredFinding?> ReviewAsync(string id, FindingReview review, CancellationToken cancellationToken);
}

/// <param name="ActId">Findings with a norm of this act on either side.</param>
public sealed record FindingFilter(
    string? ActId = null,
    FindingKind? Kind = null,
    FindingStatus? Status = null,
    Language? Language = null,
    int Offset = 0,
    int Limit = 100);

/// <summary>What replacing one act's findings of a kind did.</summary>
public sealed record FindingMerge(int Added, int Kept, int Gone);
