using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>The act-authority prior over a copy of the Labour Code that nothing cites and the code a law cites.</summary>
public sealed class ActAuthoritySearchTests : IDisposable
{
    private const string Copy = "ru2024-001";
    private const string Law = "Z0000000001";

    private readonly TemporaryCatalog _temporary = new();

    public ActAuthoritySearchTests()
    {
        _temporary.Catalog.SaveAct(TestActs.Act(Copy, [
            TestActs.Article(Copy, "88", "Ежегодный оплачиваемый трудовой отпуск", "Работникам предоставляется ежегодный оплачиваемый трудовой отпуск продолжительностью двадцать четыре календарных дня."),
        ], title: "Трудовой кодекс Республики Казахстан"));
        _temporary.Catalog.SaveAct(TestActs.LabourCodeRu());
        var leave = new NormId(Law, "1");
        _temporary.Catalog.SaveAct(TestActs.Act(Law, [
            TestActs.Article(Law, "1", "Отпуск учителей", string.Empty,
                TestActs.Point(leave, "1", "Учителям отпуск предоставляется в порядке, установленном статьей 88 Трудового кодекса.",
                    new CrossReference("статьей 88 Трудового кодекса", TestActs.LabourCode, new NormId(TestActs.LabourCode, "88")))),
        ], kind: ActKind.Law, title: "Об отпусках"));
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void References_count_only_from_other_acts()
    {
        var authority = _temporary.Catalog.ActAuthority();

        Assert.Equal(1, authority.ReferencesTo(TestActs.LabourCode));
        Assert.Equal(0, authority.ReferencesTo(Copy));
    }

    [Fact]
    public async Task With_an_authority_weight_the_cited_code_comes_before_its_uncited_copy()
    {
        const string question = "ежегодный оплачиваемый трудовой отпуск";
        var plain = new CatalogRetrieval(_temporary.Catalog, new NormRanking(new FusionOptions()));
        var weighed = new CatalogRetrieval(_temporary.Catalog, new NormRanking(new FusionOptions { AuthorityWeight = 0.5 }));

        var before = (await plain.SearchAsync(new SearchQuery(question), null, CancellationToken.None)).Hits;
        var after = (await weighed.SearchAsync(new SearchQuery(question), null, CancellationToken.None)).Hits;

        Assert.Equal(before[0].Score, before[1].Score, 1e-9);
        Assert.Equal([$"{TestActs.LabourCode}/art:88", $"{Copy}/art:88"], before.Take(2).Select(hit => hit.NormId.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal($"{TestActs.LabourCode}/art:88", after[0].NormId.ToString());
        Assert.Equal(after[1].Score * 1.5, after[0].Score, 1e-9);
    }
}
