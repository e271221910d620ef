using Assistant.Core.Acts;
using Assistant.Core.Citations;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Citations;

public class CitationDisplayTests
{
    [Fact]
    public void Point_of_the_labour_code_displays_in_Russian()
    {
        var text = Citation.Display(NormId.Parse("K1500000414/art:88/p:1"), "Трудовой кодекс Республики Казахстан", Language.Ru);

        Assert.Equal("Трудовой кодекс РК, ст. 88, п. 1", text);
    }

    [Fact]
    public void Point_of_the_labour_code_displays_in_Kazakh()
    {
        var text = Citation.Display(NormId.Parse("K1500000414/art:88/p:1"), "Қазақстан Республикасының Еңбек кодексі", Language.Kk);

        Assert.Equal("ҚР Еңбек кодексі, 88-бап, 1-тармақ", text);
    }

    [SharedFact]
    public void Annex_point_of_a_parsed_decree_displays_its_annex()
    {
        var act = Adilet.ParsedCorpus.Russian("U2500000881");

        var text = Citation.Display(act.Norms.First(n => n.Id.Annex is not null).Id, act.Title, Language.Ru);

        Assert.Equal("Об образовании Совета по развитию искусственного интеллекта, прил. 1, п. 1", text);
    }
}
