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

    private static readonly ActTitleIndex Titles = new(
    [
        new ActTitle("Z1600000480", "О правовых актах", new DateOnly(2016, 4, 6), ActKind.Law),
        new ActTitle("Z1600000480", "Құқықтық актілер туралы", new DateOnly(2016, 4, 6), ActKind.Law),
        new ActTitle("ru2024-227", "Об образовании", null, ActKind.Unknown),
        new ActTitle("Z970000093_", "О нотариате", new DateOnly(1997, 7, 14), ActKind.Law),
        new ActTitle("Z970000093_", "Нотариат туралы", new DateOnly(1997, 7, 14), ActKind.Law),
        new ActTitle("P0000000001", "О нотариате", new DateOnly(2001, 1, 1), ActKind.Resolution),
        new ActTitle("P0000000002", "О нотариате", new DateOnly(2003, 1, 1), ActKind.Resolution),
    ]);

    [Theory]
    [InlineData("в соответствии со статьей 10 Закона Республики Казахстан «О правовых актах»", "Z1600000480/art:10")]
    [InlineData("согласно пункту 3-1 статьи 57 Закона Республики Казахстан \"Об образовании\"", "ru2024-227/art:57/p:3-1")]
    [InlineData("предусмотренных статьей 32 Закона Республики Казахстан от 14 июля 1997 года «О нотариате»", "Z970000093_/art:32")]
    public void A_law_named_by_its_quoted_title_resolves_against_the_catalogs_titles(string text, string expected)
    {
        var reference = Assert.Single(CrossReferences.Find(text, "K1500000414", Language.Ru, titles: Titles));

        Assert.Equal(expected, reference.TargetNormId.ToString());
    }

    [Theory]
    [InlineData("«Құқықтық актілер туралы» Қазақстан Республикасы Заңының 10-бабына сәйкес", "Z1600000480/art:10")]
    [InlineData("\"Нотариат туралы\" 1997 жылғы 14 шілдедегі Қазақстан Республикасы Заңының 32-бабының 3) тармақшасына", "Z970000093_/art:32")]
    public void A_kazakh_reference_to_a_law_by_its_title_resolves_too(string text, string expected)
    {
        var reference = Assert.Single(CrossReferences.Find(text, "K1500000414", Language.Kk, titles: Titles));

        Assert.Equal(expected, reference.TargetNormId?.TopLevel.ToString());
    }

    [Fact]
    public void A_title_two_acts_of_the_kind_named_share_or_none_has_stays_unresolved()
    {
        var outside = Assert.Single(CrossReferences.Find("статьей 5 Закона Республики Казахстан «О государственном контроле и надзоре»", "K1500000414", Language.Ru, titles: Titles));
        var byKind = Assert.Single(CrossReferences.Find("статьей 2 постановления Правительства Республики Казахстан «О нотариате»", "K1500000414", Language.Ru, titles: Titles));

        Assert.Null(outside.TargetActId);
        Assert.Null(byKind.TargetNormId);
    }

    [Theory]
    [InlineData("в соответствии со статьей 15 настоящего Соглашения", Language.Ru, "kk-000001/art:15")]
    [InlineData("осы Шарттың 15-бабында белгіленген квотаны ескере отырып", Language.Kk, "kk-000001/art:15")]
    [InlineData("ҚК-нің 259-бабының 3-бөлігі бойынша", Language.Kk, "K1400000226/art:259")]
    [InlineData("по ст. 188 УК РК", Language.Ru, "K1400000226/art:188")]
    public void A_treaty_citing_itself_and_a_code_cited_by_its_abbreviation_resolve(string text, Language language, string expected)
    {
        var reference = Assert.Single(CrossReferences.Find(text, "kk-000001", language));

        Assert.Equal(expected, reference.TargetNormId?.TopLevel.ToString());
    }

    [Fact]
    public void The_second_article_of_a_kazakh_list_is_of_the_act_named_before_the_first()
    {
        var references = CrossReferences.Find("осы Заңның 20-6-бабының 1-тармағына және 47-бабына сәйкес", Law, Language.Kk);

        Assert.Equal([$"{Law}/art:20-6/p:1", $"{Law}/art:47"], references.Select(r => r.TargetNormId.ToString()));
    }

    [Theory]
    [InlineData("(Ведомости Парламента Республики Казахстан, 1997 г., № 24, ст. 341; 2001 г., № 8, ст. 50)", Language.Ru)]
    [InlineData("тапсырған құжаттарға қосымша деп саналмайды. 37-бап Депозитарий Осы Конвенцияның", Language.Kk)]
    [InlineData("сақталады.\n99-БАП\nБұл Келiсiм Тараптардың", Language.Kk)]
    [InlineData("Уағдаласушы Тараптар болып табылады. 21-бап Кеден одағына көшу Еркiн сауда аймағы", Language.Kk)]
    [InlineData("(Қазақстан Республикасы Парламентінің Жаршысы, 2000 ж., N 6, 141-бап; 2001 ж., N 8, 53, 54-бап)", Language.Kk)]
    public void A_gazette_item_and_an_article_heading_run_into_the_text_are_not_references(string text, Language language)
    {
        Assert.DoesNotContain(CrossReferences.Find(text, Law, language), r => r.TargetNormId is not null || r.Text.Contains("ст.", StringComparison.Ordinal) || r.Text.Contains("-бап", StringComparison.Ordinal));
    }

    [Fact]
    public void A_year_given_with_a_kazakh_name_picks_that_act_among_two_of_one_name()
    {
        var reference = Assert.Single(CrossReferences.Find("Қазақстан Республикасының 2008 жылғы 04 желтоқсандағы Бюджет кодексіне сәйкес", Law, Language.Kk));

        Assert.Equal("K080000095_", reference.TargetActId);
    }
}
