using Assistant.Web.Api;
using Assistant.Web.Components.Chat;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class AnswerViewTests : ComponentTest
{
    private static readonly AnswerSource[] Sources =
    [
        new(1, "K1400000226/art:188", "ru", "Уголовный кодекс РК, ст. 188", "Кража"),
        new(2, "K1400000226/art:190", "ru", "Уголовный кодекс РК, ст. 190", "Мошенничество"),
    ];

    [Fact]
    public void A_verified_answer_links_each_source_marker_to_its_norm_and_says_the_model_wrote_it()
    {
        var opened = new List<string>();
        var verified = new VerifiedAnswer("Кража наказывается штрафом [1]. Мошенничество — иначе [1, 2].", "generated", "ru", [new(1, Sources[0].NormId, Sources[0].Citation), new(2, Sources[1].NormId, Sources[1].Citation)], [], null);

        var view = Render<AnswerView>(p => p.Add(a => a.Verified, verified).Add(a => a.Sources, Sources).Add(a => a.OnCite, (string id) => opened.Add(id)));
        view.FindAll("a.marker")[2].Click();

        Assert.Equal(["K1400000226/art:188", "K1400000226/art:188", "K1400000226/art:190"], view.FindAll("a.marker").Select(a => a.GetAttribute("data-norm")));
        Assert.Equal(["[1]", "[1]", "[2]"], view.FindAll("a.marker").Select(a => a.TextContent));
        Assert.Equal("Создано ИИ", view.Find(".mode-badge").TextContent.Trim());
        Assert.Equal(["K1400000226/art:190"], opened);
        Assert.Equal(2, view.FindAll("[data-testid=citations] a.norm-link").Count);
    }

    [Fact]
    public void A_marker_naming_no_source_stays_plain_text()
    {
        var verified = new VerifiedAnswer("Основание [7].", "extract", "ru", [], [], null);

        var view = Render<AnswerView>(p => p.Add(a => a.Verified, verified).Add(a => a.Sources, Sources));

        Assert.Empty(view.FindAll("a.marker"));
        Assert.Contains("[7]", view.Find("[data-testid=answer-text]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Выдержка из норм", view.Find(".mode-badge").TextContent.Trim());
    }

    [Fact]
    public void An_abstention_says_why_and_offers_the_closest_norms()
    {
        var verified = new VerifiedAnswer("В проиндексированных нормах права нет основания для ответа.", "abstention", "ru", [], [new(1, Sources[0].NormId, Sources[0].Citation)], "no source scored above the threshold");

        var view = Render<AnswerView>(p => p.Add(a => a.Verified, verified).Add(a => a.Sources, Sources));

        Assert.Equal("Нет основания в законе", view.Find(".mode-badge").TextContent.Trim());
        Assert.Contains("no source scored above the threshold", view.Markup, StringComparison.Ordinal);
        Assert.Equal("K1400000226/art:188", view.Find("a.norm-link").GetAttribute("data-norm"));
    }

    [Fact]
    public void While_the_model_writes_the_streamed_text_shows_and_the_answer_is_busy()
    {
        var view = Render<AnswerView>(p => p.Add(a => a.Streamed, "Кража наказы").Add(a => a.Deltas, 3));

        Assert.Equal("Кража наказы", view.Find("[data-testid=answer-stream]").TextContent);
        Assert.Equal("true", view.Find("article").GetAttribute("aria-busy"));
        Assert.Equal("3", view.Find("article").GetAttribute("data-deltas"));
        Assert.Empty(view.FindAll(".mode-badge"));
    }
}

public sealed class KazakhAnswerViewTests() : ComponentTest("kk")
{
    [Fact]
    public void In_kazakh_the_mode_labels_are_kazakh()
    {
        var view = Render<AnswerView>(p => p.Add(a => a.Verified, new VerifiedAnswer("Жауап [1].", "generated", "kk", [], [], null)));

        Assert.Equal("ЖИ жасаған", view.Find(".mode-badge").TextContent.Trim());
    }
}
