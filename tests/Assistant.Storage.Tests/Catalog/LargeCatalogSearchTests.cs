using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

public sealed class LargeCatalogSearchTests : IDisposable
{
    private const string ActId = "Z9900000001";
    private readonly TemporaryCatalog _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void In_a_large_catalog_a_term_found_in_most_norms_is_left_out_of_ranking_when_rarer_terms_exist()
    {
        var norms = Enumerable.Range(1, 12_000)
            .Select(number => number.ToString(CultureInfo.InvariantCulture))
            .Select(number => TestActs.Article(ActId, number, "Положение " + number, number == "7000" ? "Общий порядок лицензирования." : "Общий порядок."))
            .ToList();
        _temporary.Catalog.SaveAct(TestActs.Act(ActId, norms, kind: ActKind.Law, title: "Закон о порядке"));

        var withRareTerm = _temporary.Catalog.Search(new SearchQuery("общий порядок лицензирования"));
        var commonOnly = _temporary.Catalog.Search(new SearchQuery("общий порядок") { Top = 3 });

        Assert.Equal(new NormId(ActId, "7000"), Assert.Single(withRareTerm).NormId);
        Assert.Equal(3, commonOnly.Count);
    }
}
