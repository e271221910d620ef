using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>The reference graph a forecast reads: references by the quoted title resolved once all acts are in, then found from their target.</summary>
public sealed class ReferenceGraphTests : IDisposable
{
    private const string LegalActs = "Z1600000480";

    private readonly TemporaryCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_reference_by_the_quoted_title_gets_its_target_once_the_titled_act_is_in_the_catalog()
    {
        var article = new NormId(TestActs.LabourCode, "5");
        var citing = TestActs.Point(article, "1", "Акты принимаются в порядке, установленном статьей 10 Закона Республики Казахстан «О правовых актах».",
            new CrossReference("статьей 10 Закона Республики Казахстан «О правовых актах»", null, null));
        _catalog.Catalog.SaveAct(TestActs.Act(TestActs.LabourCode, [TestActs.Article(TestActs.LabourCode, "5", "Акты", "", citing)], title: "Трудовой кодекс Республики Казахстан"));
        var target = new NormId(LegalActs, "10");
        Assert.Empty(_catalog.Catalog.ReferencesTo([target], Language.Ru));
        _catalog.Catalog.SaveAct(TestActs.Act(LegalActs, [TestActs.Article(LegalActs, "10", "Иерархия", "Иерархия нормативных правовых актов.")], kind: ActKind.Law, title: "О правовых актах"));

        var resolved = _catalog.Catalog.ResolveReferences();
        var references = _catalog.Catalog.ReferencesTo([target], Language.Ru);

        Assert.Equal(1, resolved);
        Assert.Equal([article.WithPoint("1")], references.Select(r => r.From).Distinct());
        Assert.All(references, r => Assert.Equal(target, r.Target));
        Assert.Equal(0, _catalog.Catalog.ResolveReferences());
    }

    [Fact]
    public void References_to_a_point_are_found_from_the_point_its_article_and_its_subpoints()
    {
        var from = new NormId(TestActs.LabourCode, "7");
        CrossReference To(string id) => new($"ссылка на {id}", TestActs.CriminalCode, NormId.Parse(id));
        _catalog.Catalog.SaveAct(TestActs.CriminalCodeRu());
        _catalog.Catalog.SaveAct(TestActs.Act(TestActs.LabourCode,
        [
            TestActs.Article(TestActs.LabourCode, "7", "Ссылки", "",
                TestActs.Point(from, "1", "Первая.", To("K1400000226/art:188")),
                TestActs.Point(from, "2", "Вторая.", To("K1400000226/art:188/p:2")),
                TestActs.Point(from, "3", "Третья.", To("K1400000226/art:188/p:2/sp:1")),
                TestActs.Point(from, "4", "Четвертая.", To("K1400000226/art:188/p:20")),
                TestActs.Point(from, "5", "Пятая.", To("K1400000226/art:189"))),
        ], title: "Трудовой кодекс Республики Казахстан"));

        var found = _catalog.Catalog.ReferencesTo([NormId.Parse("K1400000226/art:188/p:2")], Language.Ru);

        Assert.Equal(["K1400000226/art:188", "K1400000226/art:188/p:2", "K1400000226/art:188/p:2/sp:1"], found.Select(r => r.Target.ToString()).Distinct().Order(StringComparer.Ordinal));
    }
}
