using Assistant.Core.Acts;
using Assistant.Core.Adilet;

namespace Assistant.Core.Tests.Adilet;

public class CrossReferencesTests
{
    private const string Law = "Z1600000480";

    [Fact]
    public void Article_of_the_same_law_resolves_to_its_norm()
    {
        var reference = Assert.Single(CrossReferences.Find("в порядке, предусмотренном статьей 9 настоящего Закона.", Law, Language.Ru));

        Assert.Equal("статьей 9 настоящего Закона", reference.Text);
        Assert.Equal($"{Law}/art:9", reference.TargetNormId.ToString());
    }

    [Fact]
    public void Point_of_an_article_of_the_same_code_resolves_to_the_point()
    {
        var reference = Assert.Single(CrossReferences.Find("согласно пунктом 2 статьи 5 настоящего Кодекса", "K1500000414", Language.Ru));

        Assert.Equal("K1500000414/art:5/p:2", reference.TargetNormId.ToString());
    }

    [Fact]
    public void Lists_and_ranges_of_articles_give_one_reference_per_article()
    {
        var references = CrossReferences.Find("предусмотренных статьями 52, 53 и статьями 120-135 настоящего Кодекса, а также статьей 14-1 настоящего Кодекса", "K1400000226", Language.Ru);

        var articles = references.Select(r => r.TargetNormId!.Value.Article).ToList();
        Assert.Contains("14-1", articles);
        Assert.Contains("120", articles);
        Assert.Contains("135", articles);
        Assert.Contains("128", articles);
        Assert.DoesNotContain("120-135", articles);
    }

    [Fact]
    public void Known_code_named_after_the_article_resolves_to_that_code()
    {
        var reference = Assert.Single(CrossReferences.Find("в случаях, предусмотренных статьей 188 Уголовного кодекса Республики Казахстан", Law, Language.Ru));

        Assert.Equal("K1400000226/art:188", reference.TargetNormId.ToString());
        Assert.Equal("статьей 188 Уголовного кодекса", reference.Text);
    }

    [Fact]
    public void Code_named_without_an_article_is_an_act_only_reference()
    {
        var reference = Assert.Single(CrossReferences.Find("в соответствии с Трудовым кодексом Республики Казахстан", Law, Language.Ru));

        Assert.Equal("K1500000414", reference.TargetActId);
        Assert.Null(reference.TargetNormId);
        Assert.Equal("Трудовым кодексом", reference.Text);
    }

    [Fact]
    public void Law_named_by_its_title_is_kept_unresolved()
    {
        var reference = Assert.Single(CrossReferences.Find("предусмотренных подпунктом 2) пункта 1 статьи 61 Закона «Об информатизации»", "K1500000414", Language.Ru));

        Assert.Equal("подпунктом 2) пункта 1 статьи 61 Закона «Об информатизации»", reference.Text);
        Assert.Null(reference.TargetActId);
        Assert.Null(reference.TargetNormId);
        Assert.False(reference.IsResolved);
    }

    [Fact]
    public void Kazakh_reference_to_this_law_resolves()
    {
        var reference = Assert.Single(CrossReferences.Find("осы Заңның 9-бабында көзделген тәртіппен", Law, Language.Kk));

        Assert.Equal("осы Заңның 9-бабында", reference.Text);
        Assert.Equal($"{Law}/art:9", reference.TargetNormId.ToString());
    }

    [Fact]
    public void Kazakh_reference_to_a_point_of_this_code_resolves()
    {
        var reference = Assert.Single(CrossReferences.Find("осы Кодекстің 5-бабының 2-тармағына сәйкес", "K1500000414", Language.Kk));

        Assert.Equal("K1500000414/art:5/p:2", reference.TargetNormId.ToString());
    }

    [Fact]
    public void Kazakh_code_named_without_an_article_is_an_act_only_reference()
    {
        var reference = Assert.Single(CrossReferences.Find("Еңбек кодексіне сәйкес жүзеге асырылады", Law, Language.Kk));

        Assert.Equal("K1500000414", reference.TargetActId);
        Assert.Null(reference.TargetNormId);
    }

    [Fact]
    public void Constitutional_is_not_the_Constitution()
    {
        Assert.Empty(CrossReferences.Find("конституционный закон и конституциялық заң", Law, Language.Ru));
    }
}
