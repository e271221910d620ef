using Assistant.Core.Acts;
using Assistant.Core.Drafts;

namespace Assistant.Core.Tests.Drafts;

/// <summary>The act an amending article names: its parenthesised part belongs to the name, its publication does not.</summary>
public sealed class AmendedActNameTests
{
    [Theory]
    [InlineData("Статья 1. Внести в Гражданский кодекс Республики Казахстан (Особенная часть) от 1 июля 1999 года (Ведомости Парламента Республики Казахстан, 1999 г., № 16-17, ст. 642) следующие изменения:", "K990000409_")]
    [InlineData("Статья 1. Внести в Гражданский кодекс Республики Казахстан (Общая часть) от 27 декабря 1994 года следующие изменения:", "K940001000_")]
    [InlineData("Статья 1. Внести в Кодекс Республики Казахстан о браке (супружестве) и семье от 26 декабря 2011 года следующие изменения:", "K1100000518")]
    [InlineData("1-бап. Қазақстан Республикасының 1999 жылғы 1 шілдедегі Азаматтық кодексіне (Ерекше бөлім) мынадай өзгерістер енгізілсін:", "K990000409_")]
    [InlineData("1. Қазақстан Республикасының 1999 жылғы 1 шілдедегі Азаматтық кодексіне (Ерекше бөлім) (Қазақстан Республикасы Парламентінің Жаршысы, 1999 ж., № 16-17, 642-құжат):", "K990000409_")]
    public void The_opening_formula_names_the_act_with_its_part(string opener, string actId)
    {
        var draft = SmallCode.Parse($"Проект\n{opener}\n1) статью 3 исключить;");

        Assert.Equal([actId], draft.TargetActs);
    }

    [Theory]
    [InlineData("K1500000414", "Қазақстан Республикасының 2015 жылғы 23 қарашадағы Еңбек кодексіне")]
    [InlineData("K990000409_", "Қазақстан Республикасының 1999 жылғы 1 шілдедегі Азаматтық кодексіне (Ерекше бөлім)")]
    [InlineData("K1100000518", "Қазақстан Республикасының 2011 жылғы 26 желтоқсандағы Неке (ерлі-зайыптылық) және отбасы туралы кодексіне")]
    [InlineData("K1400000235", "Қазақстан Республикасының 2014 жылғы 5 шілдедегі Әкімшілік құқық бұзушылық туралы кодексіне")]
    public void The_Kazakh_formulas_name_a_code_in_the_dative_with_its_date(string actId, string name)
    {
        var act = KnownActs.FindById(actId)!;

        var written = DraftWording.For(Language.Kk).ActName(act);
        var draft = SmallCode.Parse($"Жоба\n1-бап. {written} мынадай өзгерістер енгізілсін:\n1) 3-бап алып тасталсын;");

        Assert.Equal(name, written);
        Assert.Equal([actId], draft.TargetActs);
    }
}
