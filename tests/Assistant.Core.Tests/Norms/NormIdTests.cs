using Assistant.Core.Adilet;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Norms;

public class NormIdTests
{
    [Theory]
    [InlineData("K1500000414/art:88")]
    [InlineData("K1500000414/art:88/p:1")]
    [InlineData("K1500000414/art:14-1/p:2/sp:3")]
    [InlineData("Z1600000480/art:1/sp:1-4")]
    [InlineData("U2500000881/annex:1/p:5")]
    [InlineData("K2100000400/annex:1/p:1_2")]
    [InlineData("kk-000001/p:1")]
    public void Norm_id_round_trips_through_its_text(string text)
    {
        Assert.Equal(text, NormId.Parse(text).ToString());
    }

    [Theory]
    [InlineData("K1500000414")]
    [InlineData("K1500000414/p:1/art:2")]
    [InlineData("K1500000414/chapter:2")]
    public void Malformed_norm_id_is_rejected(string text)
    {
        Assert.False(NormId.TryParse(text, out _));
    }

    [SharedFact]
    public void Every_norm_id_of_the_labour_code_is_unique_and_round_trips()
    {
        var ids = Assistant.Core.Tests.Adilet.ParsedCorpus.Russian("K1500000414").Norms
            .SelectMany(n => n.SelfAndDescendants())
            .Select(n => n.Id)
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(id, NormId.Parse(id.ToString())));
    }

    [Fact]
    public void Chapters_after_the_points_of_an_act_without_articles_start_an_unmarked_annex()
    {
        var text = "О правилах\nПриказ Министра от 1 июля 2021 года № 5.\n1. Утвердить Правила.\n2. Ввести в действие.\nГлава 1. Общие положения\n1. Правила определяют порядок.\nГлава 2. Порядок\n2. Заявление подается.\n";

        var act = AdiletTextParser.Parse(text, "V1", Assistant.Core.Acts.Language.Ru);

        Assert.Equal(["V1/p:1", "V1/p:2", "V1/annex:1/p:1", "V1/annex:1/p:2"], act.Norms.Select(n => n.Id.ToString()));
        Assert.Equal(["Глава 2. Порядок"], act.Norms[3].Path);
    }

    [Fact]
    public void Annex_without_numbered_points_becomes_one_point_holding_its_text()
    {
        var text = "О плане\nРешение маслихата от 1 июля 2021 года № 5.\n1. Утвердить план.\nПриложение 1 к решению\nПЛАН мероприятий\nГлава 1. Цели\nРазвитие района.\n";

        var act = AdiletTextParser.Parse(text, "D1", Assistant.Core.Acts.Language.Ru);

        var annex = act.Norms[1];
        Assert.Equal("D1/annex:1/p:1", annex.Id.ToString());
        Assert.Equal("Развитие района.", annex.Text);
        Assert.Equal(["Приложение 1 к решению ПЛАН мероприятий", "Глава 1. Цели"], annex.Path);
    }

    [Fact]
    public void Ids_are_unique_in_an_annex_that_repeats_point_numbers()
    {
        var text = "О решении\nРешение маслихата от 1 июля 2021 года № 5.\n1. Утвердить.\nПриложение 1 к решению\n1. Первый.\n1. Снова.\n";

        var act = AdiletTextParser.Parse(text, "D1", Assistant.Core.Acts.Language.Ru);

        Assert.Equal(["D1/p:1", "D1/annex:1/p:1", "D1/annex:1/p:1_2"], act.Norms.Select(n => n.Id.ToString()));
    }
}
