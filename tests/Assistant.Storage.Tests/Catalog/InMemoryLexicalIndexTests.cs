using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Evaluation;
using Assistant.Storage.Catalog;
using Assistant.Tests.Support;

namespace Assistant.Storage.Tests.Catalog;

public sealed class InMemoryLexicalIndexTests : IDisposable
{
    private readonly TemporaryCatalog _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [SharedFact]
    public async Task Ranks_real_acts_as_fts5_does_under_every_filter()
    {
        foreach (var (file, id, language) in new[]
        {
            ("ru/K1400000226.ru.txt", "K1400000226", Language.Ru),
            ("ru/K950001000_.ru.txt", "K950001000_", Language.Ru),
            ("kk/K950001000_.kk.txt", "K950001000_", Language.Kk),
            ("ru/K1500000414.ru.txt", "K1500000414", Language.Ru),
        })
        {
            var path = SharedData.Path("corpus", "adilet", file);
            _temporary.Catalog.SaveAct(AdiletTextParser.Parse(File.ReadAllText(path), id, language, path));
        }

        // Past 10,000 norms rare terms select and common ones only score, which weighs rare terms twice in FTS5.
        _temporary.Catalog.SaveAct(LargeCatalogSearchTests.LargeLaw());
        using var memory = LegalCatalog.Open(_temporary.FilePath, lexicalIndex: LexicalIndexKind.Memory);
        await memory.PrepareLexicalIndexAsync(CancellationToken.None);

        var questions = EvalQuery.ReadAll(SharedData.Path("eval", "dev-queries.jsonl")).Select(q => q.Question)
            .Append("общий порядок лицензирования")
            .Append("Конституция адам құқықтары");
        var compared = 0;
        foreach (var question in questions)
        {
            foreach (var query in new[]
            {
                new SearchQuery(question),
                new SearchQuery(question) { Top = 50 },
                new SearchQuery(question) { Language = Language.Kk },
                new SearchQuery(question) { Kind = ActKind.Code },
                new SearchQuery(question) { ActId = "K950001000_" },
                new SearchQuery(question) { IncludeNotInForce = true, Top = 3 },
            })
            {
                var expected = _temporary.Catalog.Search(query);
                var actual = memory.Search(query);
                Assert.Equal(expected.Select(hit => (hit.NormId, hit.Language)), actual.Select(hit => (hit.NormId, hit.Language)));
                Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-9 * Math.Abs(pair.First.Score)));
                compared += expected.Count;
            }
        }

        Assert.True(memory.LexicalIndex.Current);
        Assert.True(compared > 500, $"only {compared} hits were compared");
    }

    [Fact]
    public void A_save_through_another_connection_is_found_by_the_next_search()
    {
        _temporary.Catalog.SaveAct(TestActs.CriminalCodeRu());
        using var memory = LegalCatalog.Open(_temporary.FilePath, lexicalIndex: LexicalIndexKind.Memory);
        Assert.DoesNotContain(memory.Search(new SearchQuery("расторжение трудового договора")), hit => hit.ActId == TestActs.LabourCode);
        Assert.True(memory.LexicalIndex.Current);

        // Another catalog on the file stands for another process: the memory catalog never hears of its save.
        _temporary.Catalog.SaveAct(TestActs.LabourCodeRu());

        Assert.False(memory.LexicalIndex.Current);
        Assert.Contains(memory.Search(new SearchQuery("расторжение трудового договора")), hit => hit.ActId == TestActs.LabourCode);
        Assert.True(memory.LexicalIndex.Current);
    }

    [Fact]
    public async Task Preparing_builds_the_index_of_the_catalog_as_it_is()
    {
        using var memory = LegalCatalog.Open(_temporary.FilePath, lexicalIndex: LexicalIndexKind.Memory);
        memory.SaveAct(TestActs.CriminalCodeRu());
        Assert.False(memory.LexicalIndex.Current);

        await memory.PrepareLexicalIndexAsync(CancellationToken.None);

        var state = memory.LexicalIndex;
        Assert.Equal(LexicalIndexKind.Memory, state.Kind);
        Assert.True(state.Current);
        Assert.Equal(memory.GetStats().Total.TopLevelNorms, state.Norms);
        Assert.True(state.Terms > 0);
    }

    [Fact]
    public void A_catalog_ranking_in_fts5_reports_no_memory_index()
    {
        _temporary.Catalog.SaveAct(TestActs.CriminalCodeRu());
        _temporary.Catalog.Search(new SearchQuery("кража"));

        Assert.Equal(new LexicalIndexState(LexicalIndexKind.Fts5, Current: false, Building: false, 0, 0), _temporary.Catalog.LexicalIndex);
    }
}
