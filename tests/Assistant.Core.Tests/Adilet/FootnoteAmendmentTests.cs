using Assistant.Core.Adilet;
using Assistant.Core.Norms;

namespace Assistant.Core.Tests.Adilet;

public class FootnoteAmendmentTests
{
    [Fact]
    public void Every_law_of_a_footnote_is_read_with_its_date_number_action_and_entry_into_force()
    {
        var amendments = FootnoteReader.Amendments(
            "Сноска. Статья 1 с изменениями, внесенными законами РК от 11.07.1997 № 154; от 10.07.2003 № 483 (вводится в действие с 01.01.2004); "
            + "от 05.07.2012 № 30-V (вводится в действие по истечении десяти календарных дней после его первого официального опубликования). "
            + "Статья 1 дополнена пунктом 5 Законом РК от 12.07.2022 № 138-VII.");

        Assert.Equal(["154", "483", "30-V", "138-VII"], amendments.Select(a => a.Number));
        Assert.Equal(new DateOnly(1997, 7, 11), amendments[0].AdoptedOn);
        Assert.Equal([AmendmentAction.Changed], amendments[1].Actions);
        Assert.Equal(new DateOnly(2004, 1, 1), amendments[1].InForceOn);
        Assert.Null(amendments[2].InForceOn);
        Assert.StartsWith("вводится в действие по истечении десяти", amendments[2].InForce, StringComparison.Ordinal);
        Assert.Equal([AmendmentAction.Supplemented], amendments[3].Actions);
    }

    [Theory]
    [InlineData("Сноска. Статья 161 в редакции Закона РК от 04.05.2020 № 321-VІ.", AmendmentAction.Restated)]
    [InlineData("Сноска. Статья 197 исключена Законом РК от 24.05.2018 № 156-VI.", AmendmentAction.Repealed)]
    [InlineData("Сноска. Глава 11 дополнена статьей 127-1 в соответствии с Законом РК от 06.04.2016 № 483-V.", AmendmentAction.Supplemented)]
    [InlineData("Ескерту. 5-бап жаңа редакцияда - ҚР 2020.05.04 № 321-VI Заңымен.", AmendmentAction.Restated)]
    public void What_the_law_did_is_read_from_the_footnotes_verb(string footnote, AmendmentAction action) =>
        Assert.Contains(action, Assert.Single(FootnoteReader.Amendments(footnote)).Actions);
}
