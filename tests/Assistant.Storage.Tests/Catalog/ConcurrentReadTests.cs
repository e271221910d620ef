using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

public sealed class ConcurrentReadTests : IDisposable
{
    private const int Readers = 4;
    private const string BicycleLaw = "Z0000000001";

    private static readonly SearchQuery[] Queries =
    [
        new("кража"),
        new("мошенничества"),
        new("мошенничество ст. 188 УК"),
        new("расторжение при краже имущества по УК РК"),
        new("ұрлықтың"),
        new("кража ұрлық") { Language = Language.Kk },
        new("хищение кража штраф") { Top = 2 },
        new("отпуск") { ActId = TestActs.LabourCode },
    ];

    private readonly TemporaryCatalog _temporary = new(Readers);

    public ConcurrentReadTests()
    {
        Catalog.SaveAct(TestActs.CriminalCodeRu());
        Catalog.SaveAct(TestActs.CriminalCodeKk());
        Catalog.SaveAct(TestActs.LabourCodeRu());
    }

    private LegalCatalog Catalog => _temporary.Catalog;

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public async Task Parallel_searches_return_what_the_same_searches_return_one_by_one()
    {
        var expected = Queries.Select(Catalog.Search).ToList();
        var results = new IReadOnlyList<SearchHit>[32][];

        // Eight times more callers than readers, so most of them wait for a reader to come back.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, results.Length),
            new ParallelOptions { MaxDegreeOfParallelism = results.Length },
            (caller, _) =>
            {
                results[caller] = [.. Queries.Select(Catalog.Search)];
                return ValueTask.CompletedTask;
            });

        Assert.All(results, found => Assert.Equal(expected, found));
    }

    [Fact]
    public async Task A_save_while_searches_run_breaks_none_and_later_searches_see_the_new_act()
    {
        var query = new SearchQuery("кража");
        var before = Catalog.Search(query);
        using var searching = new CountdownEvent(8);
        using var saved = new ManualResetEventSlim();
        var searchers = Enumerable.Range(0, searching.InitialCount)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    var results = new List<IReadOnlyList<SearchHit>>();
                    while (true)
                    {
                        var last = saved.IsSet;
                        results.Add(Catalog.Search(query));
                        if (results.Count == 1)
                        {
                            searching.Signal();
                        }

                        if (last)
                        {
                            return results;
                        }
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToList();

        searching.Wait();
        Catalog.SaveAct(BicycleTheftLaw());
        Catalog.SaveAct(TestActs.CriminalCodeRu());
        saved.Set();
        var results = await Task.WhenAll(searchers);
        var after = Catalog.Search(query);

        Assert.Contains(after, hit => hit.ActId == BicycleLaw);
        Assert.DoesNotContain(before, hit => hit.ActId == BicycleLaw);
        Assert.All(results.SelectMany(seen => seen), hits => Assert.True(hits.SequenceEqual(before) || hits.SequenceEqual(after)));
        Assert.All(results, seen => Assert.Equal(after, seen[^1]));
    }

    [Fact]
    public async Task Parallel_reads_of_norms_acts_and_stats_return_what_they_return_one_by_one()
    {
        var expected = Snapshot();
        var results = new string[32];

        await Parallel.ForEachAsync(
            Enumerable.Range(0, results.Length),
            new ParallelOptions { MaxDegreeOfParallelism = results.Length },
            (caller, _) =>
            {
                results[caller] = Snapshot();
                return ValueTask.CompletedTask;
            });

        Assert.All(results, found => Assert.Equal(expected, found));
    }

    [Fact]
    public void A_catalog_without_readers_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LegalCatalog.Open(_temporary.FilePath, readers: 0));

        Assert.Equal("readers", error.ParamName);
    }

    /// <summary>What every read but search gives, as one string: their results hold lists, which records compare by reference.</summary>
    private string Snapshot()
    {
        var theft = Catalog.GetNorm(new NormId(TestActs.CriminalCode, "188"))!;
        var fraud = Catalog.GetNorm(new NormId(TestActs.CriminalCode, "190"), Language.Ru)!;
        return string.Join(
            " | ",
            theft.Citation,
            theft.Text,
            string.Join(", ", theft.Parts.Select(part => part.Id)),
            string.Join(", ", theft.ReferencesIn.Select(reference => reference.From)),
            string.Join(", ", fraud.ReferencesOut.Select(reference => reference.TargetCitation)),
            string.Join(", ", Catalog.ListActs().Select(act => act.Id + "/" + act.Language.ToCode())),
            Catalog.GetAct(TestActs.LabourCode)!.Title,
            Catalog.GetStats().Total);
    }

    private static Act BicycleTheftLaw() => TestActs.Act(
        BicycleLaw,
        [TestActs.Article(BicycleLaw, "1", "Кража велосипедов", "Кража велосипеда наказывается штрафом.")],
        kind: ActKind.Law,
        title: "Закон о велосипедах");
}
