using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Storage.Findings;
using Assistant.Storage.Tests.Catalog;

namespace Assistant.Storage.Tests.Findings;

/// <summary>The amendment history the stability report counts, read from the footnotes of current editions.</summary>
public sealed class CatalogAmendmentsTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Every_law_a_footnote_names_is_one_amendment_of_its_article_and_a_points_footnote_counts_for_its_article()
    {
        var article = new NormId(TestActs.LabourCode, "88");
        var point = TestActs.Point(article, "1", "Отпуск предоставляется.") with
        {
            Footnotes = [new Footnote("Сноска. Пункт 1 в редакции Закона РК от 01.07.2023 № 10-VIII.", null, null)],
        };
        var norm = TestActs.Article(TestActs.LabourCode, "88", "Отпуск", "", point) with
        {
            Footnotes = [new Footnote("Сноска. Статья 88 с изменениями, внесенными законами РК от 11.07.2019 № 154; от 04.05.2020 № 321-VІ.", null, null)],
        };
        _catalog.Catalog.SaveAct(TestActs.Act(TestActs.LabourCode, [norm, TestActs.Article(TestActs.LabourCode, "89", "Без сносок", "Текст.")], title: "Трудовой кодекс Республики Казахстан"));

        var amended = Assert.Single(CatalogAmendments.Read(_catalog.Catalog, Language.Ru, CancellationToken.None));

        Assert.Equal(article, amended.Norm);
        Assert.Equal("Глава 1. Основные положения", amended.Chapter);
        Assert.Equal([new DateOnly(2019, 7, 11), new DateOnly(2020, 5, 4), new DateOnly(2023, 7, 1)], amended.Amendments.Select(a => a.AdoptedOn));
    }
}
