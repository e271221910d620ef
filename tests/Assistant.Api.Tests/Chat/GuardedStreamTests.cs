using Assistant.Api.Chat;

namespace Assistant.Api.Tests.Chat;

/// <summary>Once a stream has begun, a failure it knows travels inside it as its last step; any other propagates.</summary>
public sealed class GuardedStreamTests
{
    private static readonly ChatFailure Busy = new(503, "Busy", "try again");

    [Fact]
    public async Task Items_pass_through_and_a_known_failure_ends_the_stream_as_its_last_step()
    {
        var steps = await ReadAsync(Source(new InvalidOperationException("busy")), e => e is InvalidOperationException ? Busy : null);

        Assert.Equal([(1, (ChatFailure?)null), (2, null), (0, Busy)], steps.Select(s => (s.Item, s.Failure)));
    }

    [Fact]
    public async Task A_failure_the_mapping_does_not_know_propagates()
    {
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(Source(new FormatException("bad")), _ => null));
    }

    [Fact]
    public async Task Cancellation_propagates_whatever_the_mapping()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(() => ReadAsync(Source(new OperationCanceledException()), _ => Busy));
    }

    [Fact]
    public async Task A_stream_that_ends_well_has_no_failure_step()
    {
        var steps = await ReadAsync(Source(null), _ => Busy);

        Assert.Equal([1, 2], steps.Select(s => s.Item));
        Assert.All(steps, s => Assert.Null(s.Failure));
    }

    private static async Task<List<StreamStep<int>>> ReadAsync(IAsyncEnumerable<int> source, Func<Exception, ChatFailure?> failure)
    {
        var steps = new List<StreamStep<int>>();
        await foreach (var step in GuardedStream.Of(source, failure, CancellationToken.None))
        {
            steps.Add(step);
        }

        return steps;
    }

    /// <summary>1, 2, then the exception, if one is given.</summary>
    private static async IAsyncEnumerable<int> Source(Exception? failure)
    {
        yield return 1;
        await Task.Yield();
        yield return 2;
        if (failure is not null)
        {
            throw failure;
        }
    }
}
