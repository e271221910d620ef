using Assistant.Core.Acts;
using Assistant.Core.Findings;

namespace Assistant.Core.Tests.Findings;

public sealed class DelegatedInstrumentTests
{
    [Theory]
    [InlineData("перечнем, утвержденным уполномоченным органом", "Об утверждении перечня заболеваний", true)]
    [InlineData("перечнем, утвержденным уполномоченным органом", "Об утверждении списка лекарственных средств", false)]
    [InlineData("в порядке, определяемом Правительством Республики Казахстан", "Об утверждении Правил выдачи лицензий", true)]
    [InlineData("в порядке, определяемом уполномоченным органом", "Вопросы Министерства экологии", false)]
    [InlineData("в случаях, определяемых Президентом Республики Казахстан", "Вопросы Администрации Президента", true)]
    public void A_russian_delegation_is_implemented_only_by_a_title_naming_its_instrument(string phrase, string title, bool names)
    {
        var stems = DelegatedInstrument.TitleStems(phrase, "Текст, " + phrase + ".", Language.Ru);

        Assert.Equal(names, DelegatedInstrument.Names(title, stems));
    }

    [Fact]
    public void A_kazakh_delegation_names_its_instrument_after_the_verb()
    {
        var stems = DelegatedInstrument.TitleStems("Қазақстан Республикасының Үкіметі бекітетін", "Қызмет Қазақстан Республикасының Үкіметі бекітетін тізбеге кіреді.", Language.Kk);

        Assert.True(DelegatedInstrument.Names("Қызмет түрлерінің тізбесін бекіту туралы", stems));
        Assert.False(DelegatedInstrument.Names("Оқуға қабылдаудың үлгілік қағидаларын бекіту туралы", stems));
    }
}
