using Assistant.Inference.Llama;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Llama;

public class LlamaThroughputTests(StoriesModelFixture stories) : IClassFixture<StoriesModelFixture>
{
    [SharedFact]
    public async Task Measures_fixed_length_generation_at_each_parallelism()
    {
        using var engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 1024, MaxSequences = 2, Threads = 1 });

        var single = await LlamaThroughput.MeasureAsync(engine, promptTokens: 32, generateTokens: 24, parallelism: 1);
        var pair = await LlamaThroughput.MeasureAsync(engine, promptTokens: 32, generateTokens: 24, parallelism: 2);

        Assert.InRange(single.PromptTokens, 24, 40);
        Assert.Equal(24, single.GeneratedTokens);
        Assert.Equal(48, pair.GeneratedTokens);
        Assert.True(single.GenerationTokensPerSecond > 0);
        Assert.True(pair.AggregateGenerationTokensPerSecond > 0);
        Assert.True(single.TimeToFirstToken > TimeSpan.Zero);
    }
}
