using System.Text;
using Assistant.Inference.Llama;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Llama;

public class LlamaEngineTests(StoriesModelFixture stories) : IClassFixture<StoriesModelFixture>
{
    private const string Prompt = "Once upon a time";

    [SharedFact]
    public async Task Greedy_generation_gives_the_same_text_twice()
    {
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 512, Threads = 1 });

        var first = await GenerateAsync(engine, Greedy(64));
        var second = await GenerateAsync(engine, Greedy(64));

        Assert.True(first.Text.Length > 40, first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(64, first.Last.GeneratedTokenCount);
        Assert.Equal(LlamaFinishReason.Length, first.Last.FinishReason);
        Assert.Equal(stories.Model.Tokenize(Prompt, addSpecial: true, parseSpecial: true).Length, first.Last.PromptTokenCount);
    }

    [SharedFact]
    public async Task Streaming_yields_pieces_before_the_end()
    {
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 512, Threads = 1 });

        var updates = new List<LlamaGenerationUpdate>();
        await foreach (var update in engine.GenerateAsync(Greedy(32)))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 10);
        Assert.All(updates[..^1], update => Assert.Null(update.FinishReason));
        Assert.All(updates[..^1], update => Assert.NotEmpty(update.Text));
        Assert.NotNull(updates[^1].FinishReason);
    }

    [SharedFact]
    public async Task Stop_sequence_ends_generation_and_is_not_emitted()
    {
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 512, Threads = 1 });
        var full = await GenerateAsync(engine, Greedy(64));
        var stop = full.Text.Substring(20, 5);

        var stopped = await GenerateAsync(engine, Greedy(64) with { StopSequences = [stop] });

        Assert.Equal(full.Text[..full.Text.IndexOf(stop, StringComparison.Ordinal)], stopped.Text);
        Assert.Equal(LlamaFinishReason.Stop, stopped.Last.FinishReason);
    }

    [SharedFact]
    public async Task Cancellation_stops_generation_and_frees_the_sequence()
    {
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 512, Threads = 1 });
        using var cancellation = new CancellationTokenSource();

        var pieces = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in engine.GenerateAsync(Greedy(400), cancellation.Token))
            {
                if (++pieces == 5)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(5, pieces);

        // The sequence was released: the engine (one sequence) serves the next request identically.
        var after = await GenerateAsync(engine, Greedy(16));
        var fresh = await GenerateAsync(engine, Greedy(16));
        Assert.Equal(fresh.Text, after.Text);
    }

    [SharedFact]
    public async Task Concurrent_greedy_requests_give_the_outputs_of_sequential_ones()
    {
        string[] prompts = ["Once upon a time", "Lily and Tom", "The little dog", "One day, a girl", "Sam had a ball"];
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 2048, MaxSequences = 4, Threads = 1 });

        var sequential = new List<string>();
        foreach (var prompt in prompts)
        {
            sequential.Add((await GenerateAsync(engine, Greedy(48) with { Prompt = prompt })).Text);
        }

        var concurrent = await Task.WhenAll(prompts.Select(prompt => GenerateAsync(engine, Greedy(48) with { Prompt = prompt })));

        Assert.Equal(sequential, concurrent.Select(result => result.Text));
    }

    [SharedFact]
    public async Task Shared_prompt_prefix_is_served_from_the_kv_cache_with_the_same_output()
    {
        const string System = "Once upon a time, there was a little girl named Lily. She loved to play outside. ";
        var first = Greedy(24) with { Prompt = System + "One day, she saw a dog." };
        var second = Greedy(24) with { Prompt = System + "She had a red ball." };
        using var fresh = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 512, Threads = 1 });
        var expected = await GenerateAsync(fresh, second);
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 512, Threads = 1 });

        await GenerateAsync(engine, first);
        var reused = await GenerateAsync(engine, second);

        Assert.Equal(0, expected.Last.ReusedPromptTokenCount);
        var shared = stories.Model.Tokenize(System, addSpecial: true).Length - 1;
        Assert.InRange(reused.Last.ReusedPromptTokenCount, shared - 1, shared + 1);
        Assert.Equal(expected.Text, reused.Text);
    }

    [SharedFact]
    public async Task Repeated_prompt_decodes_only_its_last_token_again()
    {
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 512, Threads = 1 });

        var first = await GenerateAsync(engine, Greedy(16));
        var second = await GenerateAsync(engine, Greedy(16));

        Assert.Equal(first.Last.PromptTokenCount - 1, second.Last.ReusedPromptTokenCount);
        Assert.Equal(first.Text, second.Text);
    }

    [SharedFact]
    public async Task Full_queue_refuses_new_requests_as_busy()
    {
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 2048, Threads = 1, QueueCapacity = 1 });
        using var cancellation = new CancellationTokenSource();
        var running = engine.GenerateAsync(Greedy(2000), cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        Assert.True(await running.MoveNextAsync()); // holds the only sequence
        var queued = GenerateAsync(engine, Greedy(4), cancellation.Token); // fills the queue

        var busy = await Assert.ThrowsAsync<LlamaEngineBusyException>(() => GenerateAsync(engine, Greedy(4)));

        Assert.Contains("busy", busy.Message, StringComparison.Ordinal);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await running.MoveNextAsync());
        await running.DisposeAsync();
    }

    [SharedFact]
    public async Task Prompt_longer_than_the_sequence_context_is_a_clear_error()
    {
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 256, Threads = 1 });
        var prompt = string.Concat(Enumerable.Repeat("Once upon a time there was a dog. ", 100));

        var error = await Assert.ThrowsAsync<LlamaException>(() => GenerateAsync(engine, Greedy(8) with { Prompt = prompt }));

        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    private static LlamaGenerationRequest Greedy(int maxTokens) =>
        new() { Prompt = Prompt, Sampling = LlamaSamplingOptions.Greedy, MaxTokens = maxTokens };

    private static async Task<(string Text, LlamaGenerationUpdate Last)> GenerateAsync(
        LlamaEngine engine, LlamaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        LlamaGenerationUpdate last = default;
        await foreach (var update in engine.GenerateAsync(request, cancellationToken))
        {
            text.Append(update.Text);
            last = update;
        }

        return (text.ToString(), last);
    }
}
