using Assistant.Core.Acts;
using Assistant.Core.Adilet;

namespace Assistant.Core.Tests.Adilet;

public sealed class ShortNamesTests
{
    private static readonly ActTitleIndex Titles = new([new ActTitle("Z2400000106", "О государственных закупках", null, ActKind.Law)]);

    [Fact]
    public void A_russian_reference_by_the_short_name_its_act_defines_is_of_that_act()
    {
        const string text = "Правила разработаны в соответствии с Законом Республики Казахстан «О государственных закупках» (далее – Закон). Заказчик действует согласно статье 5 Закона.";
        var names = ShortNames.Find(text, Titles);
        var at = text.IndexOf("статье 5", StringComparison.Ordinal);

        Assert.Equal((true, "Z2400000106"), ShortNames.Used(text, at, at + "статье 5".Length, Language.Ru, names));
    }

    [Fact]
    public void A_kazakh_short_name_of_a_law_out_of_the_catalog_is_known_to_have_no_act()
    {
        const string text = "«Мемлекеттік сатып алу туралы» Қазақстан Республикасының Заңына (бұдан әрі – Заң) сәйкес. Заңның 6-бабы 1-тармағында көзделген.";
        var names = ShortNames.Find(text, Titles);
        var at = text.IndexOf("6-бабы", StringComparison.Ordinal);

        Assert.Equal((true, (string?)null), ShortNames.Used(text, at, at + "6-бабы 1-тармағында".Length, Language.Kk, names));
        Assert.Equal((false, (string?)null), ShortNames.Used(text, 0, 5, Language.Kk, names));
    }
}
