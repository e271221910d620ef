using Assistant.Core.Acts;
using Assistant.Core.Evaluation;

namespace Assistant.Core.Tests.Evaluation;

public sealed class ReferenceAuditTests
{
    private static readonly ActTitleIndex Titles = new(
    [
        new ActTitle("P1", "О нотариате", null, ActKind.Resolution),
        new ActTitle("P2", "О нотариате", null, ActKind.Resolution),
    ]);

    [Theory]
    [InlineData("статьей 5 настоящего Закона", "Z1", "Z1/art:5", ReferenceOutcome.Norm)]
    [InlineData("Трудовым кодексом", "K1500000414", null, ReferenceOutcome.Act)]
    [InlineData("статьей 5 Закона Республики Казахстан «О несуществующем»", null, null, ReferenceOutcome.OutsideCatalog)]
    [InlineData("пунктом 2 постановления Правительства «О нотариате»", null, null, ReferenceOutcome.AmbiguousTitle)]
    [InlineData("24) 60-бапта", null, null, ReferenceOutcome.Bare)]
    public void A_reference_is_sorted_by_what_became_of_it(string phrase, string? act, string? norm, ReferenceOutcome outcome)
    {
        Assert.Equal(outcome, ReferenceAudit.Classify(phrase, act, norm, Titles));
    }
}
