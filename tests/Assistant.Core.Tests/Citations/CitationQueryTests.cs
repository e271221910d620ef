using Assistant.Core.Citations;

namespace Assistant.Core.Tests.Citations;

public class CitationQueryTests
{
    [Theory]
    [InlineData("Что грозит по ст. 188 УК?", "ст. 188 УК")]
    [InlineData("статья 188 УК РК", "статья 188 УК РК")]
    [InlineData("ст.188 Уголовного кодекса", "ст.188 Уголовного кодекса")]
    [InlineData("188-бабы ҚК бойынша жаза", "188-бабы ҚК")]
    public void Article_of_the_criminal_code_is_cited(string query, string phrase)
    {
        var cited = Assert.Single(CitationQuery.Parse(query));

        Assert.Equal(phrase, cited.Text);
        Assert.Equal("K1400000226", cited.ActIds[0]);
        Assert.Equal("188", cited.FirstArticle);
        Assert.Null(cited.LastArticle);
    }

    [Theory]
    [InlineData("Какая статья УК РК за подмену ребенка?", "K1400000226")]
    [InlineData("ҚК-нің қай баптары қолданылады?", "K1400000226")]
    [InlineData("отпуск по Трудовому кодексу", "K1500000414")]
    [InlineData("Еңбек кодексі бойынша демалыс", "K1500000414")]
    public void A_code_named_without_an_article_is_found(string query, string actId)
    {
        Assert.Equal(actId, CitationQuery.NamedActs(query)[0]);
    }

    [Fact]
    public void A_query_naming_no_code_names_no_act()
    {
        Assert.Empty(CitationQuery.NamedActs("Какая ответственность за кражу телефона в РК?"));
    }

    [Fact]
    public void Range_of_articles_is_cited_as_first_and_last()
    {
        var cited = Assert.Single(CitationQuery.Parse("статьи 120-135 УК РК"));

        Assert.Equal(("120", "135"), (cited.FirstArticle, cited.LastArticle));
    }

    [Theory]
    [InlineData("ҚР ҚК 120-135 баптары бойынша жауапкершілік", "ҚК 120-135 баптары")]
    [InlineData("120–135-баптар ҚК", "120–135-баптар ҚК")]
    public void Kazakh_range_of_articles_is_cited_as_first_and_last(string query, string phrase)
    {
        var cited = Assert.Single(CitationQuery.Parse(query));

        Assert.Equal(phrase, cited.Text);
        Assert.Equal("K1400000226", cited.ActIds[0]);
        Assert.Equal(("120", "135"), (cited.FirstArticle, cited.LastArticle));
    }

    [Theory]
    [InlineData("часть 2 статьи 188 УК")]
    [InlineData("ч. 2 ст. 188 УК РК")]
    [InlineData("ст. 188 ч. 2 УК")]
    [InlineData("статья 188, часть 2 УК")]
    public void Part_of_an_article_of_a_code_is_cited_as_its_point(string query)
    {
        var cited = Assert.Single(CitationQuery.Parse(query));

        Assert.Equal("K1400000226", cited.ActIds[0]);
        Assert.Equal(("188", "2"), (cited.FirstArticle, cited.Point));
    }

    [Fact]
    public void Hyphenated_kazakh_article_number_is_one_article()
    {
        var cited = Assert.Single(CitationQuery.Parse("14-1 бабы ЕК"));

        Assert.Equal(("14-1", (string?)null), (cited.FirstArticle, cited.LastArticle));
    }

    [Fact]
    public void Hyphenated_article_number_is_one_article()
    {
        var cited = Assert.Single(CitationQuery.Parse("ст. 14-1 ТК"));

        Assert.Equal(("14-1", (string?)null), (cited.FirstArticle, cited.LastArticle));
    }

    [Fact]
    public void Point_of_an_article_of_the_labour_code_is_cited()
    {
        var cited = Assert.Single(CitationQuery.Parse("п. 1 ст. 88 ТК"));

        Assert.Equal(["K1500000414"], cited.ActIds);
        Assert.Equal(("88", "1"), (cited.FirstArticle, cited.Point));
    }

    [Fact]
    public void Kazakh_article_of_the_labour_code_is_cited()
    {
        var cited = Assert.Single(CitationQuery.Parse("88-бап Еңбек кодексі"));

        Assert.Equal("K1500000414", cited.ActIds[0]);
        Assert.Equal("88", cited.FirstArticle);
    }

    [Fact]
    public void Constitution_named_before_the_article_is_cited_newest_first()
    {
        var cited = Assert.Single(CitationQuery.Parse("Конституция 1-бап"));

        Assert.Equal(["K2600000000", "K950001000_"], cited.ActIds);
        Assert.Equal("Конституция 1-бап", cited.Text);
    }

    [Theory]
    [InlineData("ст. 9 ГК", "K940001000_", "K990000409_")]
    [InlineData("ст. 406 ГК", "K990000409_", "K940001000_")]
    [InlineData("статья 9 Гражданского кодекса", "K940001000_", "K990000409_")]
    public void Civil_code_gives_both_parts_with_the_one_holding_the_article_first(string query, string first, string second)
    {
        var cited = Assert.Single(CitationQuery.Parse(query));

        Assert.Equal([first, second], cited.ActIds);
    }

    [Theory]
    [InlineData("ст. 434 КоАП", "K1400000235")]
    [InlineData("статья 73 Кодекса об административных правонарушениях", "K1400000235")]
    [InlineData("ст. 5 УПК РК", "K1400000231")]
    [InlineData("5-бабы ҚПК", "K1400000231")]
    public void Codes_are_recognised_by_abbreviation_and_by_name(string query, string actId)
    {
        Assert.Equal(actId, Assert.Single(CitationQuery.Parse(query)).ActIds[0]);
    }

    [Theory]
    [InlineData("что такое трудовой договор")]
    [InlineData("статья 5 без кодекса")]
    [InlineData("Конституция Республики Казахстан")]
    public void Query_without_a_cited_norm_gives_nothing(string query)
    {
        Assert.Empty(CitationQuery.Parse(query));
    }
}
