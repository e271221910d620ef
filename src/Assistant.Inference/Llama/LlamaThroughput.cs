using System.Diagnostics;

namespace Assistant.Inference.Llama;

/// <summary>Throughput of one benchmark round: <see cref="Parallelism"/> identical greedy requests at once.</summary>
public sealed record LlamaThroughputResult(
    int Parallelism,
    int PromptTokens,
    int GeneratedTokens,
    double PromptTokensPerSecond,
    double GenerationTokensPerSecond,
    double AggregateGenerationTokensPerSecond,
    TimeSpan TimeToFirstToken);

/// <summary>Measures prompt and generation speed of an engine, the way <c>bench llm</c> reports it.</summary>
public static class LlamaThroughput
{
    /// <summary>
    /// Runs <paramref name="parallelism"/> greedy requests of a prompt of about <paramref name="promptTokens"/> tokens,
    /// each generating exactly <paramref name="generateTokens"/> tokens (end-of-generation ignored).
    /// Prompt speed is all prompt tokens decoded (not served from the KV cache) over the time until the last first token; per-stream generation speed
    /// is the mean over requests of tokens after the first over their time; aggregate speed is all tokens
    /// generated after each request's first token over the time from the earliest first token to the end.
    /// </summary>
    public static async Task<LlamaThroughputResult> MeasureAsync(
        LlamaEngine engine, int promptTokens, int generateTokens, int parallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(generateTokens, 2);
        var prompt = PromptOfLength(engine.Model, promptTokens);
        var request = new LlamaGenerationRequest
        {
            Prompt = prompt,
            Sampling = LlamaSamplingOptions.Greedy,
            MaxTokens = generateTokens,
            IgnoreEndOfGeneration = true,
        };

        var clock = Stopwatch.StartNew();
        var streams = await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(
            async () =>
            {
                TimeSpan? first = null;
                var count = 0;
                var tokensAtFirst = 0;
                var promptCount = 0;
                var decodedPrompt = 0;
                await foreach (var update in engine.GenerateAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    if (first is null && update.GeneratedTokenCount > 0)
                    {
                        first = clock.Elapsed;
                        tokensAtFirst = update.GeneratedTokenCount;
                    }

                    count = update.GeneratedTokenCount;
                    promptCount = update.PromptTokenCount;
                    decodedPrompt = update.PromptTokenCount - update.ReusedPromptTokenCount;
                }

                return (First: first ?? clock.Elapsed, TokensAtFirst: tokensAtFirst, End: clock.Elapsed, Count: count, Prompt: promptCount, DecodedPrompt: decodedPrompt);
            },
            cancellationToken))).ConfigureAwait(false);

        var lastFirst = streams.Max(stream => stream.First);
        var end = streams.Max(stream => stream.End);
        var firstFirst = streams.Min(stream => stream.First);
        var afterFirst = streams.Sum(stream => stream.Count - stream.TokensAtFirst);
        var perStream = streams.Average(stream => (stream.Count - stream.TokensAtFirst) / Math.Max(1e-9, (stream.End - stream.First).TotalSeconds));
        return new LlamaThroughputResult(
            parallelism,
            streams[0].Prompt,
            streams.Sum(stream => stream.Count),
            streams.Sum(stream => stream.DecodedPrompt) / lastFirst.TotalSeconds,
            perStream,
            afterFirst / Math.Max(1e-9, (end - firstFirst).TotalSeconds),
            TimeSpan.FromTicks((long)streams.Average(stream => stream.First.Ticks)));
    }

    /// <summary>A text that tokenizes to about <paramref name="tokens"/> tokens (legal Russian/Kazakh prose).</summary>
    public static string PromptOfLength(LlamaModel model, int tokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokens, 1);
        const string Sentence = "Статья 88. Работодатель обязан обеспечить безопасные условия труда. 88-бап. Жұмыс беруші еңбек қауіпсіздігін қамтамасыз етуге міндетті. ";
        var text = Sentence;
        while (model.Tokenize(text, addSpecial: false).Length < tokens)
        {
            text += Sentence;
        }

        var ids = model.Tokenize(text, addSpecial: false);
        return model.Detokenize(ids.AsSpan(0, Math.Max(1, tokens - 1)));
    }
}
