using Assistant.Core.Acts;
using Assistant.Core.Discussion;

namespace Assistant.Core.Tests.Discussion;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("ИИН 900101300123 указан", "ИИН [ИИН скрыт] указан")]
    [InlineData("ИИН 900101 300123 указан", "ИИН [ИИН скрыт] указан")]
    [InlineData("звоните 8 (701) 123-45-67 вечером", "звоните [телефон скрыт] вечером")]
    [InlineData("звоните +77011234567", "звоните [телефон скрыт]")]
    [InlineData("пишите на a.sultan@gov.kz.", "пишите на [e-mail скрыт].")]
    [InlineData("Меня зовут Айгерим Сейткали, я учитель.", "Меня зовут [имя скрыто], я учитель.")]
    [InlineData("меня зовут — Ержан.", "меня зовут — [имя скрыто].")]
    public void Russian_personal_data_is_masked(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.Apply(text, Language.Ru).Text);
    }

    [Theory]
    [InlineData("Менің атым Дәулет Оспанов, мұғаліммін.", "Менің атым [есімі жасырылды], мұғаліммін.")]
    [InlineData("ЖСН: 850505400321", "ЖСН: [ЖСН жасырылды]")]
    public void Kazakh_personal_data_is_masked_in_kazakh(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.Apply(text, Language.Kk).Text);
    }

    [Theory]
    [InlineData("статья 189 пункт 1, срок 15 рабочих дней")]
    [InlineData("штраф 100 МРП, то есть 393 200 тенге")]
    [InlineData("закон от 23 ноября 2015 года № 414-V")]
    [InlineData("меня зовут на работу в выходные")]
    public void Numbers_and_words_of_a_legal_comment_are_left_alone(string text)
    {
        var masked = PersonalDataMask.Apply(text, Language.Ru);

        Assert.Equal(text, masked.Text);
        Assert.Empty(masked.Found);
    }

    [Fact]
    public void Each_kind_found_is_reported_once()
    {
        var masked = PersonalDataMask.Apply("+7 701 111 22 33 или +7 702 444 55 66, ИИН 900101300123", Language.Ru);

        Assert.Equal([PersonalDataKind.Iin, PersonalDataKind.Phone], masked.Found);
    }
}
