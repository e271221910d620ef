using Assistant.Core.Acts;
using Assistant.Core.Adilet;

namespace Assistant.Core.Tests.Adilet;

public sealed class AmendingIntroTests
{
    private static readonly ActTitleIndex Titles = new(
    [
        new ActTitle("Z970000093_", "О нотариате", null, ActKind.Law),
        new ActTitle("Z970000093_", "Нотариат туралы", null, ActKind.Law),
    ]);

    [Theory]
    [InlineData("Внести в Трудовой кодекс Республики Казахстан от 23 ноября 2015 года следующие изменения и дополнения:\n1) в статье 5:", Language.Ru, "K1500000414")]
    [InlineData("В Закон Республики Казахстан от 14 июля 1997 года «О нотариате» (Ведомости Парламента Республики Казахстан, 1997 г., № 13-14, ст. 206) внести следующие изменения:\n1) статью 3 исключить;", Language.Ru, "Z970000093_")]
    [InlineData(". «Нотариат туралы» 1997 жылғы 14 шілдедегі Қазақстан Республикасының Заңына (Қазақстан Республикасы Парламентінің Жаршысы, 1997 ж., № 13-14, 206-құжат; 1998 ж., № 22, 307-құжат) мынадай өзгерiстер мен толықтырулар енгiзiлсiн\n1) 3-бапта:", Language.Kk, "Z970000093_")]
    [InlineData("1. В Гражданский кодекс Республики Казахстан (Общая часть), принятый Верховным Советом 27 декабря 1994 г. (Ведомости Верховного Совета, 1994 г., N 23-24; Закон «О нотариате») внести следующие изменения:\n1) в статье 41:", Language.Ru, "K940001000_")]
    public void The_opening_line_of_an_instruction_list_names_the_act_amended(string text, Language language, string act)
    {
        var intros = AmendingIntro.Find(text, language, Titles);

        Assert.Equal(act, AmendingIntro.At(intros, text.Length - 3));
        Assert.Null(AmendingIntro.At(intros, 0));
    }

    [Fact]
    public void A_reference_in_the_list_that_names_no_act_is_of_the_act_amended()
    {
        var reference = Assert.Single(CrossReferences.Find("3) 6-бапта:", "kk-009220", Language.Kk, impliedActId: "Z970000093_"));

        Assert.Equal("Z970000093_/art:6", reference.TargetNormId.ToString());
    }
}
