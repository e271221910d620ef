using System.Runtime.CompilerServices;
using Assistant.Core.Acts;
using Assistant.Core.Findings;

namespace Assistant.Api.Tests.Findings;

/// <summary>A findings store in memory, standing in for the real one the findings engine registers.</summary>
internal sealed class InMemoryFindingStore(IEnumerable<StoredFinding> findings) : IFindingStore
{
    private readonly List<StoredFinding> _findings = [.. findings];

    public Task<FindingMerge> ReplaceAsync(FindingKind kind, string actId, Language language, IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The report only reads findings.");

    public async IAsyncEnumerable<StoredFinding> ListAsync(FindingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var finding in _findings.Skip(filter.Offset).Take(filter.Limit))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return finding;
        }
    }

    public Task<StoredFinding?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_findings.Find(f => f.Finding.Id == id));

    public Task<StoredFinding?> ReviewAsync(string id, FindingReview review, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The report only reads findings.");
}
