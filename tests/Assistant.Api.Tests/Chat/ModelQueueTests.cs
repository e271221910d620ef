using Assistant.Api.Chat;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Api.Tests.Chat;

/// <summary>The bounded queue in front of the model, on its own: slots, waiting turns, refusal and cancellation.</summary>
public sealed class ModelQueueTests
{
    [Fact]
    public async Task Past_the_slots_and_the_queue_a_turn_is_refused_at_once()
    {
        using var queue = Queue(parallel: 1, queueLength: 1);

        using var running = await queue.EnterAsync(CancellationToken.None);
        var waiting = queue.EnterAsync(CancellationToken.None);
        using var refused = await queue.EnterAsync(CancellationToken.None);

        Assert.True(running.Entered);
        Assert.False(waiting.IsCompleted);
        Assert.False(refused.Entered);
        Assert.Equal(1, queue.Waiting);
        running.Dispose();
        Assert.Equal(0, queue.Waiting);
        using var next = await waiting;
        Assert.True(next.Entered);
    }

    [Fact]
    public async Task A_waiting_turn_that_is_cancelled_leaves_the_queue_at_once_and_never_takes_a_slot()
    {
        using var queue = Queue(parallel: 1, queueLength: 1);
        using var abandon = new CancellationTokenSource();
        using var running = await queue.EnterAsync(CancellationToken.None);
        var abandoned = queue.EnterAsync(abandon.Token).AsTask();

        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var waiting = queue.EnterAsync(CancellationToken.None);
        var waitingBefore = queue.Waiting;
        running.Dispose();

        // The queue had room again for the next turn, which got the slot the abandoned one would have taken.
        Assert.Equal(1, waitingBefore);
        Assert.Equal(0, queue.Waiting);
        using var next = await waiting;
        Assert.True(next.Entered);
    }

    [Fact]
    public async Task Waiting_turns_take_the_free_slots_first_come_first_served()
    {
        using var queue = Queue(parallel: 1, queueLength: 2);
        using var running = await queue.EnterAsync(CancellationToken.None);
        var earlier = queue.EnterAsync(CancellationToken.None);
        var later = queue.EnterAsync(CancellationToken.None);

        running.Dispose();
        using var first = await earlier;

        Assert.True(first.Entered);
        Assert.Equal(1, queue.Waiting);
        first.Dispose();
        Assert.Equal(0, queue.Waiting);
        using var second = await later;
        Assert.True(second.Entered);
    }

    [Fact]
    public async Task Without_a_model_no_turn_waits()
    {
        using var queue = new ModelQueue(null, NullLogger<ModelQueue>.Instance);

        var slots = new List<ModelSlot>();
        for (var i = 0; i < 100; i++)
        {
            slots.Add(await queue.EnterAsync(CancellationToken.None));
        }

        Assert.All(slots, slot => Assert.True(slot.Entered));
        Assert.Equal(0, queue.Waiting);
    }

    private static ModelQueue Queue(int parallel, int queueLength) =>
        new(new ModelOptions { Parallel = parallel, QueueLength = queueLength }, NullLogger<ModelQueue>.Instance);
}
