using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

public sealed class GetNormTests : IDisposable
{
    private static readonly NormId Theft = new(TestActs.CriminalCode, "188");
    private static readonly NormId Fraud = new(TestActs.CriminalCode, "190");

    private readonly TemporaryCatalog _temporary = new();

    public GetNormTests()
    {
        Catalog.SaveAct(TestActs.CriminalCodeRu());
        Catalog.SaveAct(TestActs.CriminalCodeKk());
    }

    private LegalCatalog Catalog => _temporary.Catalog;

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void GetNorm_returns_the_russian_text_with_path_parts_and_both_languages()
    {
        var norm = Catalog.GetNorm(Theft)!;

        Assert.Equal(Language.Ru, norm.Language);
        Assert.Equal("Уголовный кодекс РК, ст. 188", norm.Citation);
        Assert.Equal("Раздел 1. Общие положения › Глава 1. Основные положения", norm.Path);
        Assert.Equal([Theft.WithPoint("1"), Theft.WithPoint("2")], norm.Parts.Select(part => part.Id));
        Assert.Equal([Language.Ru, Language.Kk], norm.Languages);
        Assert.Equal(new Uri("https://adilet.zan.kz/rus/docs/K1400000226"), norm.AdiletUrl);
    }

    [Fact]
    public void GetNormText_gives_the_text_in_the_language_asked_or_nothing()
    {
        Assert.StartsWith("Ұрлық, яғни", Catalog.GetNormText(Theft, Language.Kk), StringComparison.Ordinal);
        Assert.Equal(Catalog.GetNorm(Fraud)!.Text, Catalog.GetNormText(Fraud, Language.Ru));
        Assert.Null(Catalog.GetNormText(Fraud, Language.Kk));
    }

    [Fact]
    public void GetNorm_in_kazakh_links_to_the_kazakh_page()
    {
        var norm = Catalog.GetNorm(Theft, Language.Kk)!;

        Assert.Equal("Ұрлық", norm.Heading);
        Assert.Equal(new Uri("https://adilet.zan.kz/kaz/docs/K1400000226"), norm.AdiletUrl);
    }

    [Fact]
    public void References_out_carry_the_target_citation_when_it_is_in_the_catalog()
    {
        var point = Catalog.GetNorm(Fraud.WithPoint("1"))!;

        Assert.Equal(2, point.ReferencesOut.Count);
        Assert.Equal("Уголовный кодекс РК, ст. 188", point.ReferencesOut[0].TargetCitation);
        Assert.Null(point.ReferencesOut[1].TargetCitation);
        Assert.Null(point.ReferencesOut[1].TargetNormId);
    }

    [Fact]
    public void References_in_list_the_norms_citing_the_norm_or_its_article()
    {
        var article = Catalog.GetNorm(Theft)!;
        var point = Catalog.GetNorm(Theft.WithPoint("2"))!;

        Assert.Equal(Fraud.WithPoint("1"), Assert.Single(article.ReferencesIn).From);
        Assert.Equal(Fraud.WithPoint("1"), Assert.Single(point.ReferencesIn).From);
        Assert.Empty(Catalog.GetNorm(Fraud)!.ReferencesIn);
    }

    [Fact]
    public void Footnotes_and_editorial_notes_are_returned_with_the_norm()
    {
        var article = TestActs.Article(TestActs.CriminalCode, "200", "Статья с примечаниями", "Текст статьи.") with
        {
            Footnotes = [new Footnote("Сноска. Статья 200 с изменением.", "Законом РК от 01.07.2021 № 61-VII", new DateOnly(2021, 7, 1))],
            EditorialNotes = [new EditorialNote("Примечание ИЗПИ! Вводится в действие с 01.01.2027.")],
        };
        Catalog.SaveAct(TestActs.Act(TestActs.CriminalCode, [article], edition: "2030-01"));

        var norm = Catalog.GetNorm(new NormId(TestActs.CriminalCode, "200"))!;

        Assert.Equal(new DateOnly(2021, 7, 1), Assert.Single(norm.Footnotes).AmendedOn);
        Assert.StartsWith("Примечание ИЗПИ!", Assert.Single(norm.EditorialNotes).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_norm_is_null()
    {
        Assert.Null(Catalog.GetNorm(new NormId(TestActs.CriminalCode, "9999")));
        Assert.Null(Catalog.GetNorm(Theft, edition: "1990-01"));
    }
}
