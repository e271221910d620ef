using Assistant.Core.Acts;
using Assistant.Storage.Retrieval;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>The closest norms of other acts, for a forecast's possible conflicts, from the catalog's lexical search.</summary>
public sealed class CatalogNeighboursTests : IDisposable
{
    private readonly TemporaryCatalog _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public async Task The_closest_norms_leave_out_the_norms_own_act_and_carry_text_citation_and_kind()
    {
        _temporary.Catalog.SaveAct(TestActs.CriminalCodeRu());
        _temporary.Catalog.SaveAct(TestActs.LabourCodeRu());
        var neighbours = new CatalogNeighbours(_temporary.Catalog);

        var closest = await neighbours.ClosestAsync("Кража чужого имущества работодателя", Language.Ru, TestActs.CriminalCode, 5, CancellationToken.None);

        var norm = Assert.Single(closest);
        Assert.Equal("K1500000414/art:52", norm.Id.ToString());
        Assert.Equal(ActKind.Code, norm.Kind);
        Assert.StartsWith("Трудовой кодекс РК, ст. 52", norm.Citation, StringComparison.Ordinal);
        Assert.Contains("кражи имущества работодателя", norm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_act_not_in_force_gives_no_neighbours()
    {
        _temporary.Catalog.SaveAct(TestActs.CriminalCodeRu());
        _temporary.Catalog.SaveAct(TestActs.LabourCodeRu(ActStatus.Repealed));

        var closest = await new CatalogNeighbours(_temporary.Catalog).ClosestAsync("Кража чужого имущества работодателя", Language.Ru, TestActs.CriminalCode, 5, CancellationToken.None);

        Assert.Empty(closest);
    }
}
