using Assistant.Web.Components.Norms;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class NormViewerTests : ComponentTest
{
    private const string Norm = """
        {"id":"K1400000226/art:188","lang":"ru","actTitle":"Уголовный кодекс","citation":"УК РК, ст. 188","heading":"Кража","text":"1. Кража наказывается.\n2. Кража группой лиц.",
         "path":"Особенная часть › Глава 6","status":"Active","edition":"2025-07-16","isCurrentEdition":true,
         "history":[{"law":"Закон РК от 21.01.2019 № 217-VI","adoptedOn":"2019-01-21","number":"217-VI","actions":["changed"],"inForceOn":null}],
         "referencesOut":[{"text":"статьей 190","targetActId":"K1400000226","targetNormId":"K1400000226/art:190","targetCitation":"УК РК, ст. 190"},{"text":"Законом о банках","targetActId":null,"targetNormId":null,"targetCitation":null}],
         "referencesIn":[],"languages":["ru","kk"],"adiletUrl":"https://adilet.zan.kz/rus/docs/K1400000226"}
        """;

    private const string Act = """{"id":"K1400000226","lang":"ru","title":"Уголовный кодекс","edition":"2025-07-16","isCurrent":true,"editions":["2024-01-01","2025-07-16"],"adiletUrl":"https://adilet.zan.kz/rus/docs/K1400000226"}""";

    [Fact]
    public void A_norm_shows_its_points_place_history_references_and_adilet_link()
    {
        Api.Answer("/v1/norms/K1400000226/art%3A188", Norm);
        Api.Answer("/v1/acts/K1400000226?lang=ru", Act);

        var viewer = Render<NormViewer>(p => p.Add(v => v.NormId, "K1400000226/art:188"));
        viewer.WaitForElement("[data-testid=norm-text]");

        Assert.Equal(["1. Кража наказывается.", "2. Кража группой лиц."], viewer.FindAll("[data-testid=norm-text] p").Select(p => p.TextContent));
        Assert.Equal("УК РК, ст. 188", viewer.Find("[data-testid=norm-citation]").TextContent);
        Assert.Contains("Особенная часть › Глава 6", viewer.Markup, StringComparison.Ordinal);
        Assert.Contains("Закон РК от 21.01.2019 № 217-VI", viewer.Markup, StringComparison.Ordinal);
        Assert.Contains("изменена", viewer.Markup, StringComparison.Ordinal);
        Assert.Contains("акт вне каталога или ссылка не распознана", viewer.Markup, StringComparison.Ordinal);
        Assert.Equal("https://adilet.zan.kz/rus/docs/K1400000226", viewer.Find("a[target=_blank]").GetAttribute("href"));
        Assert.Contains("Текст на казахском", viewer.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_with_an_older_edition_shows_the_norms_redline()
    {
        Api.Answer("/v1/norms/K1400000226/art%3A188", Norm);
        Api.Answer("/v1/acts/K1400000226?lang=ru", Act);
        Api.Answer("/v1/acts/K1400000226/changes?from=2024-01-01&lang=ru", """
            {"act":"K1400000226","from":"2024-01-01","to":"2025-07-16","norms":[{"id":"K1400000226/art:188","article":"188","change":"changed","redline":[{"kind":"kept","text":"Кража "},{"kind":"deleted","text":"карается"},{"kind":"inserted","text":"наказывается"}]}]}
            """);
        var viewer = Render<NormViewer>(p => p.Add(v => v.NormId, "K1400000226/art:188"));
        viewer.WaitForElement("select");

        viewer.Find("select").Change("2024-01-01");
        viewer.WaitForElement(".redline");

        Assert.Equal("карается", viewer.Find(".redline del").TextContent);
        Assert.Equal("наказывается", viewer.Find(".redline ins").TextContent);
    }

    [Fact]
    public void A_norm_the_api_does_not_know_is_said_so_in_the_readers_language()
    {
        var viewer = Render<NormViewer>(p => p.Add(v => v.NormId, "K1500000414/art:16-7"));
        viewer.WaitForElement(".mud-alert");

        Assert.Contains("Не найдено.", viewer.Find(".mud-alert").TextContent, StringComparison.Ordinal);
        Assert.Contains("No norm has this id.", viewer.Find(".mud-alert").TextContent, StringComparison.Ordinal);
    }
}
