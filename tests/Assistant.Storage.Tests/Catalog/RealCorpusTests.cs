using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;
using Assistant.Tests.Support;

namespace Assistant.Storage.Tests.Catalog;

public sealed class RealCorpusTests : IDisposable
{
    private readonly TemporaryCatalog _temporary = new();

    private LegalCatalog Catalog => _temporary.Catalog;

    public void Dispose() => _temporary.Dispose();

    [SharedFact]
    public void The_criminal_code_from_the_corpus_answers_citation_and_word_queries()
    {
        var path = SharedData.Path("corpus", "adilet", "ru", "K1400000226.ru.txt");
        var act = AdiletTextParser.Parse(File.ReadAllText(path), "K1400000226", Language.Ru, path);

        var saved = Catalog.SaveAct(act);
        var again = Catalog.SaveAct(act);

        Assert.Equal(saved, again);
        Assert.True(saved.Norms > 1000);
        var named = Catalog.Search(new SearchQuery("ст. 188 УК"));
        Assert.Equal(new NormId("K1400000226", "188"), named[0].NormId);
        Assert.True(named[0].NamedInQuery);
        var words = Catalog.Search(new SearchQuery("кража чужого имущества"));
        Assert.Contains(words.Take(3), hit => hit.NormId == new NormId("K1400000226", "188"));
        Assert.NotNull(Catalog.GetNorm(new NormId("K1400000226", "188", "1")));
    }
}
