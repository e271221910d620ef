using Assistant.Indexer.Benchmarks;

namespace Assistant.Indexer.Tests.Benchmarks;

public class OnnxNodePeerTests
{
    [Fact]
    public void Ready_line_gives_the_version_the_norms_and_the_first_vector()
    {
        var ready = PeerReady.Parse("""{"version":"1.30.0","norms":3,"first":[0.5,-0.25,1e-3]}""");

        Assert.Equal("1.30.0", ready.Version);
        Assert.Equal(3, ready.Norms);
        Assert.Equal([0.5f, -0.25f, 0.001f], ready.First);
    }

    [Fact]
    public void Round_line_gives_the_seconds_of_the_pass()
    {
        Assert.Equal(0.203, PeerReply.ParseSeconds("""{"seconds":0.203}"""), 9);
    }

    [Theory]
    [InlineData("""{"seconds":0}""")]
    [InlineData("""{"seconds":-1.5}""")]
    [InlineData("""{"secs":0.2}""")]
    [InlineData("""{"seconds":"0.2"}""")]
    [InlineData("Error: model.onnx is not a batches file")]
    public void A_round_line_that_is_not_a_positive_time_quotes_the_line(string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => PeerReply.ParseSeconds(line));

        Assert.Contains($"'{line}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"version":"1.30.0","norms":3}""")]
    [InlineData("""{"version":"1.30.0","norms":3,"first":["a"]}""")]
    [InlineData("""{"seconds":0.2}""")]
    public void A_ready_line_missing_a_field_quotes_the_line(string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => PeerReady.Parse(line));

        Assert.Contains($"'{line}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0.3 }, 0.3)]
    [InlineData(new[] { 0.5, 0.1, 0.3 }, 0.3)]
    [InlineData(new[] { 0.4, 0.1, 0.2, 0.9 }, 0.3)]
    public void Median_is_the_middle_round_or_the_mean_of_the_two_middle_ones(double[] seconds, double median)
    {
        Assert.Equal(median, EmbedBenchmark.Median(seconds), 9);
    }
}
