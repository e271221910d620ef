using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Storage.Findings;

namespace Assistant.Storage.Tests.Findings;

/// <summary>Findings of one act are replaced run after run; what experts said of them stays.</summary>
public sealed class FindingStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raglegal-findings-");

    private string Path => System.IO.Path.Combine(_folder.FullName, "catalog.db");

    [Fact]
    public async Task A_rerun_keeps_the_findings_found_again_adds_the_new_and_drops_the_gone()
    {
        using var store = FindingStore.Open(Path);
        await store.ReplaceAsync(FindingKind.Conflict, "A", Language.Ru, [Conflict("A/art:1", "B/art:1"), Conflict("A/art:2", "B/art:2")], CancellationToken.None);

        var merge = await store.ReplaceAsync(FindingKind.Conflict, "A", Language.Ru, [Conflict("A/art:2", "B/art:2"), Conflict("A/art:3", "B/art:3")], CancellationToken.None);

        Assert.Equal(new FindingMerge(Added: 1, Kept: 1, Gone: 1), merge);
        var norms = await ListAsync(store, new FindingFilter());
        Assert.Equal(["A/art:2", "A/art:3"], norms.Select(f => f.Finding.Norm).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_review_survives_a_rerun_that_finds_the_finding_again_and_one_that_loses_it_for_a_while()
    {
        var finding = Conflict("A/art:1", "B/art:1");
        using (var store = FindingStore.Open(Path))
        {
            await store.ReplaceAsync(FindingKind.Conflict, "A", Language.Ru, [finding], CancellationToken.None);
            var review = new FindingReview(FindingStatus.Confirmed, "срок расходится", "expert.aigerim", DateTimeOffset.UtcNow);
            await store.ReviewAsync(finding.Id, review, CancellationToken.None);
            await store.ReplaceAsync(FindingKind.Conflict, "A", Language.Ru, [], CancellationToken.None);
        }

        using var reopened = FindingStore.Open(Path);
        Assert.Null(await reopened.GetAsync(finding.Id, CancellationToken.None));
        await reopened.ReplaceAsync(FindingKind.Conflict, "A", Language.Ru, [finding], CancellationToken.None);

        var back = await reopened.GetAsync(finding.Id, CancellationToken.None);
        Assert.NotNull(back);
        Assert.Equal((FindingStatus.Confirmed, "срок расходится", "expert.aigerim"), (back.Review.Status, back.Review.Comment, back.Review.ReviewedBy));
    }

    [Fact]
    public async Task Replacing_one_act_kind_and_language_leaves_the_others_alone()
    {
        using var store = FindingStore.Open(Path);
        await store.ReplaceAsync(FindingKind.Conflict, "A", Language.Ru, [Conflict("A/art:1", "B/art:1")], CancellationToken.None);
        await store.ReplaceAsync(FindingKind.Conflict, "A", Language.Kk, [Conflict("A/art:1", "B/art:1", Language.Kk)], CancellationToken.None);
        await store.ReplaceAsync(FindingKind.Duplicate, "A", Language.Ru, [Duplicate("A/art:1", "C/art:5")], CancellationToken.None);

        await store.ReplaceAsync(FindingKind.Conflict, "A", Language.Ru, [], CancellationToken.None);

        var left = await ListAsync(store, new FindingFilter());
        Assert.Equal([(FindingKind.Duplicate, Language.Ru), (FindingKind.Conflict, Language.Kk)], left.Select(f => (f.Finding.Kind, f.Finding.Language)).Order());
    }

    [Fact]
    public async Task The_list_filters_by_either_act_of_a_pair_kind_status_and_language_highest_priority_and_score_first()
    {
        using var store = FindingStore.Open(Path);
        var low = Conflict("A/art:1", "B/art:1") with { Priority = FindingPriority.Low, Score = 0.99 };
        var high = Conflict("A/art:2", "B/art:2") with { Priority = FindingPriority.High, Score = 0.5 };
        var higher = Conflict("A/art:3", "C/art:2") with { Priority = FindingPriority.High, Score = 0.7 };
        await store.ReplaceAsync(FindingKind.Conflict, "A", Language.Ru, [low, high, higher], CancellationToken.None);
        await store.ReplaceAsync(FindingKind.Duplicate, "D", Language.Ru, [Duplicate("D/art:1", "B/art:9")], CancellationToken.None);
        await store.ReviewAsync(high.Id, new FindingReview(FindingStatus.Dismissed, null, "expert", DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal([higher.Id, high.Id, low.Id], (await ListAsync(store, new FindingFilter(Kind: FindingKind.Conflict))).Select(f => f.Finding.Id));
        Assert.Equal(3, (await ListAsync(store, new FindingFilter(ActId: "B"))).Count);
        Assert.Equal([high.Id], (await ListAsync(store, new FindingFilter(Status: FindingStatus.Dismissed))).Select(f => f.Finding.Id));
        Assert.Equal(3, (await ListAsync(store, new FindingFilter(Status: FindingStatus.New))).Count);
        Assert.Empty(await ListAsync(store, new FindingFilter(Language: Language.Kk)));
        Assert.Equal([high.Id], (await ListAsync(store, new FindingFilter(Kind: FindingKind.Conflict, Offset: 1, Limit: 1))).Select(f => f.Finding.Id));
    }

    [Fact]
    public async Task Reviewing_an_unknown_finding_says_so()
    {
        using var store = FindingStore.Open(Path);

        var reviewed = await store.ReviewAsync("conflict-0000", new FindingReview(FindingStatus.Confirmed, null, "expert", DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Null(reviewed);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<List<StoredFinding>> ListAsync(FindingStore store, FindingFilter filter)
    {
        var list = new List<StoredFinding>();
        await foreach (var finding in store.ListAsync(filter, CancellationToken.None))
        {
            list.Add(finding);
        }

        return list;
    }

    private static Finding Conflict(string norm, string other, Language language = Language.Ru) => new(
        FindingIds.Of(FindingKind.Conflict, norm, other, language.ToCode() + "|30 дней|10 дней"), FindingKind.Conflict, language, norm, other,
        "в течение 30 дней", "в течение 10 дней", "«30 дней» ≠ «10 дней»", "срок", 0.8, FindingPriority.Medium, 0);

    private static Finding Duplicate(string norm, string other) => new(
        FindingIds.Of(FindingKind.Duplicate, norm, other, string.Empty), FindingKind.Duplicate, Language.Ru, norm, other,
        "текст", "текст", "совпадает", "Jaccard 0.95", 0.95, FindingPriority.Low, 0);
}
