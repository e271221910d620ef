using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Reranking;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>Search with a re-ranker: the order it gives, what it is given, and the heading withheld for pseudo-questions.</summary>
public sealed class RerankedSearchTests : IDisposable
{
    private const string Law = "Z0000000002";

    private readonly TemporaryCatalog _temporary = new();

    public RerankedSearchTests()
    {
        _temporary.Catalog.SaveAct(TestActs.LabourCodeRu());
        _temporary.Catalog.SaveAct(TestActs.Act(Law, [
            TestActs.Article(Law, "1", "Отпуск учителей", "Учителям ежегодный трудовой отпуск предоставляется продолжительностью пятьдесят шесть календарных дней."),
            TestActs.Article(Law, "2", "Ежегодный оплачиваемый трудовой отпуск", "Настоящая статья вводится в действие с 1 января."),
        ], kind: ActKind.Law, title: "Об отпусках"));
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public async Task The_reranker_orders_the_hits_and_is_named_in_the_result()
    {
        const string question = "ежегодный трудовой отпуск";
        var plain = await new CatalogRetrieval(_temporary.Catalog, new NormRanking(new FusionOptions()))
            .SearchAsync(new SearchQuery(question), null, CancellationToken.None);
        var reversed = await new CatalogRetrieval(_temporary.Catalog, new NormRanking(new FusionOptions()), reranker: new LastFirst())
            .SearchAsync(new SearchQuery(question), null, CancellationToken.None);

        Assert.True(plain.Hits.Count >= 2);
        Assert.Null(plain.RerankedBy);
        Assert.Equal("last-first", reversed.RerankedBy);
        Assert.Equal(plain.Hits.Select(h => h.NormId).Reverse(), reversed.Hits.Select(h => h.NormId));
    }

    [Fact]
    public async Task A_norm_the_question_names_stays_first_whatever_the_reranker_says()
    {
        var hits = (await new CatalogRetrieval(_temporary.Catalog, new NormRanking(new FusionOptions()), reranker: new LastFirst())
            .SearchAsync(new SearchQuery("статья 88 Трудового кодекса ежегодный трудовой отпуск"), null, CancellationToken.None)).Hits;

        Assert.True(hits[0].NamedInQuery);
        Assert.Equal(new NormId(TestActs.LabourCode, "88"), hits[0].NormId);
    }

    [Fact]
    public async Task Only_as_many_hits_as_asked_for_come_back_from_the_deeper_reranked_list()
    {
        var hits = (await new CatalogRetrieval(_temporary.Catalog, new NormRanking(new FusionOptions()), reranker: new LastFirst())
            .SearchAsync(new SearchQuery("отпуск") { Top = 1 }, null, CancellationToken.None)).Hits;

        Assert.Single(hits);
    }

    [Fact]
    public async Task Candidates_come_in_the_first_rankers_order_with_one_feature_vector_each()
    {
        var retrieval = new CatalogRetrieval(_temporary.Catalog, new NormRanking(new FusionOptions()));

        var (candidates, features) = await retrieval.RerankableAsync(new SearchQuery("ежегодный трудовой отпуск"), null, 100, CancellationToken.None);

        Assert.True(candidates.Count >= 2);
        Assert.Equal(candidates.Count, features.Count);
        Assert.All(features, f => Assert.Equal(RerankFeatures.Count, f.Length));
        Assert.Equal(Enumerable.Range(1, candidates.Count), candidates.Select(c => c.LexicalRank ?? 0));
        Assert.Equal(ActKind.Code, candidates.First(c => c.NormId.ActId == TestActs.LabourCode).ActKind);
        Assert.False(string.IsNullOrEmpty(candidates[0].Text));
    }

    [Theory]
    [InlineData(LexicalIndexKind.Fts5)]
    [InlineData(LexicalIndexKind.Memory)]
    public async Task With_the_heading_withheld_a_norm_that_has_the_words_only_in_its_heading_is_not_found(LexicalIndexKind index)
    {
        using var temporary = new TemporaryCatalog(lexicalIndex: index);
        temporary.Catalog.SaveAct(TestActs.Act(Law, [
            TestActs.Article(Law, "1", "Отпуск учителей", "Предоставляется продолжительностью пятьдесят шесть календарных дней."),
            TestActs.Article(Law, "2", "Порядок", "Отпуск учителей переносится по заявлению."),
        ], kind: ActKind.Law, title: "Об отпусках"));
        await temporary.Catalog.PrepareLexicalIndexAsync(CancellationToken.None);

        var withHeadings = temporary.Catalog.Search(new SearchQuery("отпуск учителей"));
        var bodiesOnly = temporary.Catalog.Search(new SearchQuery("отпуск учителей") { HeadingWithheld = true });

        Assert.Contains(withHeadings, h => h.NormId.Article == "1");
        Assert.Equal(["2"], bodiesOnly.Select(h => h.NormId.Article));
    }

    /// <summary>Scores the first rankers' last candidate highest.</summary>
    private sealed class LastFirst : INormReranker
    {
        public string Name => "last-first";

        public IReadOnlyList<double> Score(IReadOnlyList<float[]> features) => [.. features.Select((_, i) => (double)i)];
    }
}
