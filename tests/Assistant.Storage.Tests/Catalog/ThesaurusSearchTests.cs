using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>The thesaurus's terms in lexical search, in FTS5 and in the in-memory index.</summary>
public sealed class ThesaurusSearchTests : IDisposable
{
    private readonly TemporaryCatalog _temporary = new();

    private static readonly Thesaurus Terms = Thesaurus.Parse(
        new StringReader($"{Thesaurus.Header}\nru\tвыгнали с работы\tru\tрасторжение трудового договора по инициативе работодателя\teveryday\teditor\nkk\tұрлық\tru\tкража\ttranslation\teditor\n"),
        "test.tsv",
        0.5);

    public ThesaurusSearchTests()
    {
        _temporary.Catalog.SaveAct(TestActs.CriminalCodeRu());
        _temporary.Catalog.SaveAct(TestActs.LabourCodeRu());
    }

    public void Dispose() => _temporary.Dispose();

    [Theory]
    [InlineData(LexicalIndexKind.Fts5)]
    [InlineData(LexicalIndexKind.Memory)]
    public void A_question_in_everyday_words_finds_the_norm_in_the_acts_wording(LexicalIndexKind kind)
    {
        using var catalog = LegalCatalog.Open(_temporary.FilePath, lexicalIndex: kind);
        const string question = "Меня выгнали с работы, законно ли это?";

        var plain = catalog.Search(new SearchQuery(question));
        var expanded = catalog.Search(new SearchQuery(question) { Expansion = Terms.Expand(question, null) });

        Assert.DoesNotContain(plain, hit => hit.NormId.ToString() == "K1500000414/art:52");
        Assert.Equal("K1500000414/art:52", expanded[0].NormId.ToString());
    }

    [Fact]
    public void A_kazakh_question_reaches_an_act_held_only_in_russian()
    {
        using var catalog = LegalCatalog.Open(_temporary.FilePath, lexicalIndex: LexicalIndexKind.Memory);
        const string question = "Ұрлық үшін қандай жаза бар?";

        var hits = catalog.Search(new SearchQuery(question) { Expansion = Terms.Expand(question, null) });

        Assert.Contains(hits.Take(3), hit => hit.NormId.ToString() == "K1400000226/art:188");
    }

    [Fact]
    public void A_term_an_everyday_word_adds_weighs_less_than_the_same_words_written_by_the_user()
    {
        using var catalog = LegalCatalog.Open(_temporary.FilePath, lexicalIndex: LexicalIndexKind.Memory);
        const string question = "Меня выгнали с работы";
        var expansion = Terms.Expand(question, null);
        var own = catalog.Search(new SearchQuery("расторжение трудового договора по инициативе работодателя")).First(hit => hit.NormId.ToString() == "K1500000414/art:52");

        var added = catalog.Search(new SearchQuery(question) { Expansion = expansion }).First(hit => hit.NormId.ToString() == "K1500000414/art:52");

        Assert.Equal(own.Score * 0.5, added.Score, 1e-9);
    }
}
