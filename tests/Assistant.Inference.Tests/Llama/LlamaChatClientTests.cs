using Assistant.Inference.Llama;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;

namespace Assistant.Inference.Tests.Llama;

public sealed class LlamaChatClientTests(StoriesModelFixture stories) : IClassFixture<StoriesModelFixture>, IDisposable
{
    private static readonly ChatOptions Greedy = new() { Temperature = 0, MaxOutputTokens = 40 };
    private LlamaEngine? engine;

    public void Dispose() => engine?.Dispose();

    [SharedFact]
    public async Task Greedy_response_is_repeatable_and_reports_usage()
    {
        using var client = CreateClient();
        ChatMessage[] messages = [new(ChatRole.User, "Tell me a story about a cat.")];

        var first = await client.GetResponseAsync(messages, Greedy);
        var second = await client.GetResponseAsync(messages, Greedy);

        Assert.False(string.IsNullOrWhiteSpace(first.Text));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(ChatRole.Assistant, first.Messages[^1].Role);
        Assert.Equal(ChatFinishReason.Length, first.FinishReason);
        Assert.Equal(40, first.Usage?.OutputTokenCount);
        Assert.True(first.Usage?.InputTokenCount > 10);
        Assert.Equal(first.Usage?.InputTokenCount + 40, first.Usage?.TotalTokenCount);
        Assert.Equal("stories260K", first.ModelId);
    }

    [SharedFact]
    public async Task Streaming_yields_text_before_the_finish()
    {
        using var client = CreateClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "Hello")], Greedy))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 5);
        Assert.NotEmpty(updates[0].Text);
        Assert.Null(updates[0].FinishReason);
        Assert.NotNull(updates[^1].FinishReason);
        Assert.Single(updates, update => update.Contents.OfType<UsageContent>().Any());
    }

    [SharedFact]
    public async Task Cancelling_a_stream_ends_it_and_the_client_keeps_serving()
    {
        using var client = CreateClient();
        using var cancellation = new CancellationTokenSource();
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = 400 };

        var pieces = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "Hello")], options, cancellation.Token))
            {
                if (++pieces == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(3, pieces);
        var response = await client.GetResponseAsync([new(ChatRole.User, "Hello")], Greedy);
        Assert.Equal(40, response.Usage?.OutputTokenCount);
    }

    [SharedFact]
    public void Chat_options_map_onto_the_generation_request()
    {
        using var client = CreateClient();
        var options = new ChatOptions
        {
            Instructions = "Answer briefly.",
            Temperature = 0.3f,
            TopP = 0.8f,
            TopK = 12,
            Seed = 42,
            MaxOutputTokens = 77,
            StopSequences = ["\n\n"],
            FrequencyPenalty = 0.2f,
            PresencePenalty = 0.1f,
            AdditionalProperties = new() { [LlamaChatClient.MinPKey] = 0.1, [LlamaChatClient.RepetitionPenaltyKey] = 1.1f },
        };

        var request = client.CreateRequest([new(ChatRole.User, "Hi")], options);

        Assert.Equal(0.3f, request.Sampling.Temperature);
        Assert.Equal(0.8f, request.Sampling.TopP);
        Assert.Equal(12, request.Sampling.TopK);
        Assert.Equal(42u, request.Sampling.Seed);
        Assert.Equal(77, request.MaxTokens);
        Assert.Equal(0.2f, request.Sampling.FrequencyPenalty);
        Assert.Equal(0.1f, request.Sampling.PresencePenalty);
        Assert.Equal(0.1f, request.Sampling.MinP);
        Assert.Equal(1.1f, request.Sampling.RepetitionPenalty);
        Assert.Equal(["\n\n"], request.StopSequences);
        Assert.Equal(
            "<|im_start|>system\nAnswer briefly.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
            request.Prompt);
    }

    [SharedFact]
    public async Task Seeded_sampling_is_repeatable()
    {
        using var client = CreateClient();
        var options = new ChatOptions
        {
            Temperature = 0.9f,
            Seed = 7,
            MaxOutputTokens = 30,
            FrequencyPenalty = 0.5f,
            AdditionalProperties = new() { [LlamaChatClient.RepetitionPenaltyKey] = 1.2f },
        };

        var first = await client.GetResponseAsync([new(ChatRole.User, "Hello")], options);
        var second = await client.GetResponseAsync([new(ChatRole.User, "Hello")], options);

        Assert.Equal(first.Text, second.Text);
    }

    [SharedFact]
    public async Task Created_client_owns_its_model_and_engine()
    {
        using var client = LlamaChatClient.Create(
            new LlamaModelOptions { Path = SharedData.Path("models", "stories260K.gguf") },
            new LlamaEngineOptions { ContextSize = 256, Threads = 1 });

        var response = await client.GetResponseAsync([new(ChatRole.User, "Hi")], Greedy);

        Assert.Equal(40, response.Usage?.OutputTokenCount);
    }

    [SharedFact]
    public void Metadata_names_the_provider_and_model()
    {
        using var client = CreateClient();

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.Equal("llama.cpp", metadata?.ProviderName);
        Assert.Equal("stories260K", metadata?.DefaultModelId);
        Assert.NotNull(client.GetService<LlamaEngine>());
    }

    private LlamaChatClient CreateClient()
    {
        engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 1024, Threads = 1 });
        return new LlamaChatClient(engine);
    }
}
