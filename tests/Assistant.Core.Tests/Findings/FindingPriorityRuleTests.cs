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
