using Assistant.Web.Api;
using Assistant.Web.Components.Portal;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class PublicAnswerViewTests : ComponentTest
{
    private const string Label = "Ответ подготовлен автоматически и не является официальным толкованием.";

    [Fact]
    public void Each_citation_is_marked_as_the_drafts_wording_or_the_law_in_force_and_the_ai_label_is_shown()
    {
        var opened = new List<string>();
        var answer = new PublicAnswer("generated", "ru", "Проект вводит статью 16-7 [1]; сейчас действует статья 19 [2].",
            [new(1, "K1500000414/art:16-7", "Трудовой кодекс РК, ст. 16-7", "draft"), new(2, "K1500000414/art:19", "Трудовой кодекс РК, ст. 19", "law")], [], null, Label);

        var view = Render<PublicAnswerView>(p => p.Add(a => a.Answer, answer).Add(a => a.OnCite, (string id) => opened.Add(id)));
        view.Find("[data-source=law] a.norm-link").Click();

        var cited = view.FindAll("[data-testid=citations] .cited");
        Assert.Equal(["draft", "law"], cited.Select(c => c.GetAttribute("data-source")));
        Assert.Equal(["проект", "действующий закон"], cited.Select(c => c.QuerySelector(".source")!.TextContent));
        Assert.Equal("#change-K1500000414-art-16-7", view.Find("[data-source=draft] a").GetAttribute("href"));
        Assert.Equal(["K1500000414/art:19"], opened);
        Assert.Equal(Label, view.Find("[data-testid=ai-label]").TextContent);
        Assert.Equal("Создано ИИ", view.Find(".mode-badge").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=abstention]"));
    }

    [Fact]
    public void An_abstention_is_shown_as_such_with_the_closest_norms_and_the_label()
    {
        var answer = new PublicAnswer("abstention", "ru", "Вопрос не относится к проекту и изменяемым им актам.", [],
            [new(1, "K1500000414/art:19", "Трудовой кодекс РК, ст. 19", "law")], "outside the draft", Label);

        var view = Render<PublicAnswerView>(p => p.Add(a => a.Answer, answer));

        Assert.Equal("abstention", view.Find("[data-testid=public-answer]").GetAttribute("data-mode"));
        Assert.Equal("Нет основания в законе", view.Find(".mode-badge").TextContent.Trim());
        Assert.Contains("Ответа нет", view.Find("[data-testid=abstention]").TextContent, StringComparison.Ordinal);
        Assert.Equal("outside the draft", view.Find("[data-testid=abstention]").GetAttribute("title"));
        Assert.Empty(view.FindAll("[data-testid=citations]"));
        Assert.Equal("K1500000414/art:19", view.Find("[data-testid=closest] a.norm-link").GetAttribute("data-norm"));
        Assert.Equal(Label, view.Find("[data-testid=ai-label]").TextContent);
    }
}

public sealed class KazakhPublicAnswerViewTests() : ComponentTest("kk")
{
    [Fact]
    public void In_kazakh_the_sources_are_named_in_kazakh()
    {
        var answer = new PublicAnswer("extract", "kk", "Жауап [1].", [new(1, "K1500000414/art:19", "Еңбек кодексі, 19-бап", "law"), new(2, "K1500000414/art:16-7", "16-7-бап", "draft")], [], null, "Жауапты жүйе автоматты түрде дайындады.");

        var view = Render<PublicAnswerView>(p => p.Add(a => a.Answer, answer));

        Assert.Equal(["қолданыстағы заң", "жоба"], view.FindAll(".source").Select(s => s.TextContent));
    }
}
