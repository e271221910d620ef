using Assistant.Core.Findings;

namespace Assistant.Core.Tests.Findings;

public sealed class ActTitlesTests
{
    [Theory]
    [InlineData("О внесении изменений и дополнений в Трудовой кодекс", true)]
    [InlineData("Банкроттық туралы Қазақстан Республикасының Заңына өзгерiстер мен толықтырулар енгiзу туралы", true)]
    [InlineData("Салық кодексін қолданысқа енгізу туралы", true)]
    [InlineData("О правовых актах", false)]
    [InlineData("Жол жүрісі туралы", false)]
    public void An_amending_or_enacting_act_is_told_by_its_title(string title, bool amending)
    {
        Assert.Equal(amending, ActTitles.IsAmending(title));
    }
}
