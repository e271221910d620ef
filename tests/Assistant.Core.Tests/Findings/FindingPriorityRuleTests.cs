using Assistant.Core.Acts;
using Assistant.Core.Findings;

namespace Assistant.Core.Tests.Findings;

public sealed class FindingPriorityRuleTests
{
    [Theory]
    [InlineData(ActKind.Constitution, 0, FindingPriority.High)]
    [InlineData(ActKind.Code, FindingPriorityRule.ReliedOn, FindingPriority.High)]
    [InlineData(ActKind.Code, 0, FindingPriority.Medium)]
    [InlineData(ActKind.Order, FindingPriorityRule.ReliedOn, FindingPriority.Medium)]
    [InlineData(ActKind.Order, 0, FindingPriority.Low)]
    [InlineData(ActKind.Unknown, 0, FindingPriority.Low)]
    public void Priority_follows_the_level_of_the_act_and_how_many_norms_rely_on_the_norm(ActKind kind, int inbound, FindingPriority expected)
    {
        Assert.Equal(expected, FindingPriorityRule.Of(kind, inbound));
    }
}

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
