using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

public sealed class MergePolicyTests
{
    [Fact]
    public void Factor_segments_of_the_lowest_tier_are_merged()
    {
        Assert.Equal((1, 4), MergePolicy.Choose([100_000, 10, 20, 30, 40], factor: 4, baseRows: 100));
    }

    [Fact]
    public void Fewer_than_factor_segments_of_a_tier_stay()
    {
        Assert.Null(MergePolicy.Choose([100_000, 5000, 10, 20, 30], factor: 4, baseRows: 100));
    }

    [Fact]
    public void A_larger_segment_ends_the_run()
    {
        Assert.Null(MergePolicy.Choose([10, 10, 1000, 10, 10], factor: 4, baseRows: 100));
    }

    [Fact]
    public void Appending_batches_keeps_the_segment_count_logarithmic()
    {
        var segments = new List<int>();
        for (var batch = 0; batch < 1000; batch++)
        {
            segments.Add(100);
            while (MergePolicy.Choose(segments, factor: 4, baseRows: 100) is { } run)
            {
                var rows = segments.Skip(run.Start).Take(run.Count).Sum();
                segments.RemoveRange(run.Start, run.Count);
                segments.Insert(run.Start, rows);
            }
        }

        Assert.Equal(100_000, segments.Sum());
        Assert.InRange(segments.Count, 1, 3 * 6);
    }
}
