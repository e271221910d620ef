using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Adilet;

public class DecreeParsingTests
{
    [SharedFact]
    public void Decree_points_are_top_level_norms()
    {
        var act = ParsedCorpus.Russian("U2500000881");

        Assert.Equal(ActKind.Decree, act.Kind);
        Assert.Equal("881", act.Number);
        Assert.Equal(["U2500000881/p:1", "U2500000881/p:2", "U2500000881/p:3"], act.Norms.Where(n => n.Id.Annex is null).Select(n => n.Id.ToString()));
        Assert.Equal("1. Образовать Совет по развитию искусственного интеллекта.", act.Norm("U2500000881/p:1").Text);
        Assert.Equal("ПОСТАНОВЛЯЮ:", act.Preamble);
        Assert.Equal("3. Настоящий Указ вводится в действие со дня его подписания.", act.Norm("U2500000881/p:3").Text);
    }

    [SharedFact]
    public void Decree_annex_regulation_numbers_its_points_under_annex_1_with_chapters_in_the_path()
    {
        var act = ParsedCorpus.Russian("U2500000881");

        var annexPoints = act.Norms.Where(n => n.Id.Annex == "1").ToList();
        Assert.Equal(49, annexPoints.Count);
        Assert.Equal(Enumerable.Range(1, 49).Select(n => $"U2500000881/annex:1/p:{n}"), annexPoints.Select(n => n.Id.ToString()));
        var ninth = act.Norm("U2500000881/annex:1/p:9");
        Assert.StartsWith("УТВЕРЖДЕНО Указом Президента", ninth.Path[0], StringComparison.Ordinal);
        Assert.Contains("ПОЛОЖЕНИЕ о Совете по развитию искусственного интеллекта", ninth.Path[0], StringComparison.Ordinal);
        Assert.Equal("Глава 2. Основные задачи Совета", ninth.Path[1]);
        Assert.Equal(8, ninth.Parts.Count);
        Assert.All(ninth.Parts, p => Assert.Equal(NormKind.Subpoint, p.Kind));
    }

    [SharedFact]
    public void Decree_footnote_attaches_to_the_annex_point_it_follows_and_sets_the_edition()
    {
        var act = ParsedCorpus.Russian("U2500000881");

        var footnote = Assert.Single(act.Norm("U2500000881/annex:1/p:6").Footnotes);
        Assert.Equal(new DateOnly(2026, 1, 8), footnote.AmendedOn);
        Assert.StartsWith("Указа Президента РК от 08.01.2026 № 1152", footnote.AmendingAct, StringComparison.Ordinal);
        Assert.Equal("2026-01-08", act.Edition);
    }
}
