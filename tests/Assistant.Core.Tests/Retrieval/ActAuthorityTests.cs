using Assistant.Core.Retrieval;

namespace Assistant.Core.Tests.Retrieval;

public sealed class ActAuthorityTests
{
    private static readonly ActAuthority Authority = new(new Dictionary<string, int> { ["K1500000414"] = 1000, ["Z1600000480"] = 30 });

    [Fact]
    public void An_act_nothing_cites_keeps_its_score_and_the_most_cited_gains_the_whole_weight()
    {
        Assert.Equal(1.0, Authority.Prior("ru2024-001", 0.5));
        Assert.Equal(1.5, Authority.Prior("K1500000414", 0.5), 1e-12);
    }

    [Fact]
    public void The_prior_grows_with_the_references_on_a_log_scale()
    {
        var law = Authority.Prior("Z1600000480", 0.5);

        Assert.InRange(law, 1.0, 1.5);
        Assert.Equal(1 + (0.5 * Math.Log(31) / Math.Log(1001)), law, 1e-12);
    }

    [Fact]
    public void Without_any_reference_every_act_keeps_its_score()
    {
        Assert.Equal(1.0, new ActAuthority(new Dictionary<string, int>()).Prior("K1500000414", 2));
    }
}
