using Assistant.Core.Acts;
using Assistant.Core.Findings;

namespace Assistant.Core.Tests.Findings;

public sealed class FindingPriorityRuleTests
{
    [Theory]
    [InlineData(ActKind.Constitution, null, 0, FindingPriority.High)]
    [InlineData(ActKind.Code, null, 0, FindingPriority.High)]
    [InlineData(ActKind.Order, ActKind.Code, 0, FindingPriority.High)]
    [InlineData(ActKind.Order, null, FindingPriorityRule.ReliedOn, FindingPriority.High)]
    [InlineData(ActKind.Law, null, 0, FindingPriority.Medium)]
    [InlineData(ActKind.Order, null, 1, FindingPriority.Medium)]
    [InlineData(ActKind.Order, ActKind.Decision, 0, FindingPriority.Low)]
    [InlineData(ActKind.Unknown, null, 0, FindingPriority.Low)]
    public void Priority_follows_the_highest_act_involved_and_how_many_norms_rely_on_the_norm(ActKind kind, ActKind? other, int inbound, FindingPriority expected)
    {
        Assert.Equal(expected, FindingPriorityRule.Of(kind, other, inbound));
    }

    [Fact]
    public void A_finding_the_detector_discounts_goes_one_step_down_but_never_below_low()
    {
        Assert.Equal(FindingPriority.Medium, FindingPriorityRule.Of(ActKind.Code, ActKind.Code, 0, discounted: true));
        Assert.Equal(FindingPriority.Low, FindingPriorityRule.Of(ActKind.Order, null, 0, discounted: true));
    }
}
