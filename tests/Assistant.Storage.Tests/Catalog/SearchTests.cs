using Assistant.Core.Acts;
using Assistant.Core.Citations;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>Lexical search ranked in FTS5; <see cref="InMemorySearchTests"/> runs the same checks on the in-memory index.</summary>
public class SearchTests : IDisposable
{
    private readonly TemporaryCatalog _temporary;

    public SearchTests()
        : this(LexicalIndexKind.Fts5)
    {
    }

    protected SearchTests(LexicalIndexKind lexicalIndex)
    {
        _temporary = new TemporaryCatalog(lexicalIndex: lexicalIndex);
        Catalog.SaveAct(TestActs.CriminalCodeRu());
        Catalog.SaveAct(TestActs.CriminalCodeKk());
        Catalog.SaveAct(TestActs.LabourCodeRu());
    }

    private LegalCatalog Catalog => _temporary.Catalog;

    public void Dispose()
    {
        _temporary.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void A_heading_match_outranks_a_body_only_match()
    {
        var hits = Catalog.Search(new SearchQuery("кража"));

        Assert.Equal("K1400000226/art:188", hits[0].NormId.ToString());
        Assert.Contains(hits, hit => hit.NormId.ToString() == "K1500000414/art:52");
        Assert.True(hits[0].Score > hits[^1].Score);
    }

    [Fact]
    public void A_question_naming_a_code_ranks_that_codes_norms_first()
    {
        var unnamed = Catalog.Search(new SearchQuery("расторжение при краже имущества"));
        var named = Catalog.Search(new SearchQuery("расторжение при краже имущества по УК РК"));

        Assert.Equal(TestActs.LabourCode, unnamed[0].ActId);
        Assert.Equal(TestActs.CriminalCode, named[0].ActId);
        Assert.Contains(named, hit => hit.ActId == TestActs.LabourCode);
    }

    [Fact]
    public void An_inflected_russian_query_finds_the_lemma()
    {
        var hit = Catalog.Search(new SearchQuery("мошенничества"))[0];

        Assert.Equal("K1400000226/art:190", hit.NormId.ToString());
        Assert.Equal("Уголовный кодекс РК, ст. 190", hit.Citation);
        Assert.Equal("Мошенничество", hit.Heading);
        Assert.False(hit.NamedInQuery);
    }

    [Fact]
    public void A_kazakh_query_finds_the_kazakh_text()
    {
        var hit = Assert.Single(Catalog.Search(new SearchQuery("ұрлықтың")));

        Assert.Equal(Language.Kk, hit.Language);
        Assert.Equal("ҚР Қылмыстық кодексі, 188-бап", hit.Citation);
    }

    [Fact]
    public void The_snippet_is_the_matching_sentence_of_the_original_text()
    {
        var hit = Catalog.Search(new SearchQuery("предварительный сговор") { ActId = TestActs.CriminalCode })[0];

        Assert.StartsWith("Кража, совершенная группой лиц по предварительному сговору", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_restrict_language_act_and_kind()
    {
        Assert.All(Catalog.Search(new SearchQuery("кража ұрлық") { Language = Language.Kk }), hit => Assert.Equal(Language.Kk, hit.Language));
        Assert.All(Catalog.Search(new SearchQuery("кража") { ActId = TestActs.LabourCode }), hit => Assert.Equal(TestActs.LabourCode, hit.ActId));
        Assert.Single(Catalog.Search(new SearchQuery("кража") { ActId = TestActs.LabourCode }));
        Assert.Empty(Catalog.Search(new SearchQuery("кража") { Kind = ActKind.Law }));
    }

    [Fact]
    public void Repealed_acts_are_excluded_unless_asked_for()
    {
        Catalog.SaveAct(TestActs.LabourCodeRu(ActStatus.Repealed));

        Assert.Empty(Catalog.Search(new SearchQuery("отпуск")));
        Assert.Single(Catalog.Search(new SearchQuery("отпуск") { IncludeNotInForce = true }));
    }

    [Fact]
    public void Top_limits_the_number_of_hits()
    {
        Assert.Equal(2, Catalog.Search(new SearchQuery("хищение кража штраф") { Top = 2 }).Count);
    }

    [Theory]
    [InlineData("и в на что")]
    [InlineData("?!,.;")]
    [InlineData("")]
    public void A_query_without_terms_returns_no_hits(string text) =>
        Assert.Empty(Catalog.Search(new SearchQuery(text)));

    [Theory]
    [InlineData("кража\" OR body:*")]
    [InlineData("NEAR(кража мошенничество) AND NOT \"")]
    [InlineData("кража^ {heading}: -мошенничество")]
    public void Fts_syntax_in_the_query_is_taken_as_words(string text) =>
        Assert.NotEmpty(Catalog.Search(new SearchQuery(text)));

    [Fact]
    public void A_norm_named_in_the_query_is_ranked_first()
    {
        var cited = new CitedNorms("ст. 188 УК", [TestActs.CriminalCode], "188", null, null, null);

        var hits = Catalog.Search(new SearchQuery("мошенничество ст. 188 УК"), [cited]);

        Assert.Equal("K1400000226/art:188", hits[0].NormId.ToString());
        Assert.True(hits[0].NamedInQuery);
        Assert.Equal("Уголовный кодекс РК, ст. 188", hits[0].Citation);
        Assert.Equal("K1400000226/art:190", hits[1].NormId.ToString());
        Assert.Single(hits, hit => hit.NormId.ToString() == "K1400000226/art:188");
    }

    [Fact]
    public void A_query_citing_an_article_by_abbreviation_ranks_that_article_first()
    {
        var hits = Catalog.Search(new SearchQuery("мошенничество ст. 188 УК"));

        Assert.Equal("K1400000226/art:188", hits[0].NormId.ToString());
        Assert.True(hits[0].NamedInQuery);
        Assert.False(hits[1].NamedInQuery);
    }

    [Fact]
    public void A_named_range_is_expanded_to_the_articles_that_exist()
    {
        var cited = new CitedNorms("статьи 185-195 УК", [TestActs.CriminalCode], "185", "195", null, null);

        var hits = Catalog.Search(new SearchQuery("статьи 185-195 УК"), [cited]);

        Assert.Equal(["K1400000226/art:187", "K1400000226/art:188", "K1400000226/art:190"], hits.Where(hit => hit.NamedInQuery).Select(hit => hit.NormId.ToString()));
    }

    [Fact]
    public void A_named_point_is_found_and_the_first_act_that_has_it_is_taken()
    {
        var cited = new CitedNorms("п. 2 ст. 188", ["K990000409_", TestActs.CriminalCode], "188", null, "2", null);

        var hit = Catalog.Search(new SearchQuery("п. 2 ст. 188"), [cited])[0];

        Assert.Equal(new NormId(TestActs.CriminalCode, "188", "2"), hit.NormId);
        Assert.Equal("Уголовный кодекс РК, ст. 188, п. 2", hit.Citation);
        Assert.True(hit.NamedInQuery);
    }

    [Fact]
    public void A_named_norm_in_a_kazakh_query_is_given_in_kazakh()
    {
        var cited = new CitedNorms("188-бап ҚК", [TestActs.CriminalCode], "188", null, null, null);

        var hit = Catalog.Search(new SearchQuery("188-бап ҚК"), [cited])[0];

        Assert.Equal(Language.Kk, hit.Language);
    }
}

public sealed class InMemorySearchTests() : SearchTests(LexicalIndexKind.Memory);
