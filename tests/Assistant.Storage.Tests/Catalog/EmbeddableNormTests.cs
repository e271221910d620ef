namespace Assistant.Storage.Tests.Catalog;

public sealed class EmbeddableNormTests
{
    [Fact]
    public void Embeddable_norms_carry_the_current_edition_of_their_act_or_none_when_the_source_names_none()
    {
        using var temporary = new TemporaryCatalog();
        temporary.Catalog.SaveAct(TestActs.CriminalCodeRu(edition: "2024-03"));
        temporary.Catalog.SaveAct(TestActs.CriminalCodeRu(edition: "2025-01"));
        temporary.Catalog.SaveAct(TestActs.LabourCodeRu());

        var norms = temporary.Catalog.ListEmbeddable().ToList();

        Assert.Equal(["2025-01"], norms.Where(n => n.ActId == TestActs.CriminalCode).Select(n => n.Edition).Distinct());
        Assert.All(norms.Where(n => n.ActId == TestActs.LabourCode), norm => Assert.Null(norm.Edition));
    }
}
