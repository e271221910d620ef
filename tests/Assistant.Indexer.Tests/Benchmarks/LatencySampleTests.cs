using Assistant.Indexer.Benchmarks;

namespace Assistant.Indexer.Tests.Benchmarks;

public class LatencySampleTests
{
    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var sample = new LatencySample();
        foreach (var ms in Enumerable.Range(1, 100).Reverse())
        {
            sample.Add(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(50, sample.Percentile(50), 6);
        Assert.Equal(95, sample.Percentile(95), 6);
        Assert.Equal(100, sample.Percentile(100), 6);
    }

    [Fact]
    public void An_empty_sample_has_no_percentile()
    {
        Assert.True(double.IsNaN(new LatencySample().Percentile(95)));
    }
}
