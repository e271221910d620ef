using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>Term pruning, which starts at 10,000 norms, in FTS5; <see cref="InMemoryLargeCatalogSearchTests"/> runs it on the in-memory index.</summary>
public class LargeCatalogSearchTests : IDisposable
{
    private const string ActId = "Z9900000001";

    // One reader, so that searches before and after a save run on the same session and its cached norm count.
    private readonly TemporaryCatalog _temporary;

    public LargeCatalogSearchTests()
        : this(LexicalIndexKind.Fts5)
    {
    }

    protected LargeCatalogSearchTests(LexicalIndexKind lexicalIndex) => _temporary = new(readers: 1, lexicalIndex: lexicalIndex);

    public void Dispose()
    {
        _temporary.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void In_a_large_catalog_a_term_found_in_most_norms_is_left_out_of_ranking_when_rarer_terms_exist()
    {
        _temporary.Catalog.SaveAct(LargeLaw());

        var withRareTerm = _temporary.Catalog.Search(new SearchQuery("общий порядок лицензирования"));
        var commonOnly = _temporary.Catalog.Search(new SearchQuery("общий порядок") { Top = 3 });

        Assert.Equal(new NormId(ActId, "7000"), Assert.Single(withRareTerm).NormId);
        Assert.Equal(3, commonOnly.Count);
    }

    [Fact]
    public void A_reader_that_counted_norms_before_a_save_counts_them_again_after_it()
    {
        _temporary.Catalog.SaveAct(TestActs.CriminalCodeRu());
        Assert.Empty(_temporary.Catalog.Search(new SearchQuery("общий порядок лицензирования")));

        _temporary.Catalog.SaveAct(LargeLaw());

        Assert.Equal(new NormId(ActId, "7000"), Assert.Single(_temporary.Catalog.Search(new SearchQuery("общий порядок лицензирования"))).NormId);
    }

    internal static Act LargeLaw()
    {
        var norms = Enumerable.Range(1, 12_000)
            .Select(number => number.ToString(CultureInfo.InvariantCulture))
            .Select(number => TestActs.Article(ActId, number, "Положение " + number, number == "7000" ? "Общий порядок лицензирования." : "Общий порядок."))
            .ToList();
        return TestActs.Act(ActId, norms, kind: ActKind.Law, title: "Закон о порядке");
    }
}

public sealed class InMemoryLargeCatalogSearchTests() : LargeCatalogSearchTests(LexicalIndexKind.Memory);
