using LLama.Native;

namespace Assistant.Inference.Llama;

/// <summary>A llama.cpp sampler chain built from <see cref="LlamaSamplingOptions"/>, in llama.cpp's usual order.</summary>
internal sealed class LlamaSampler : IDisposable
{
    private const uint RandomSeed = 0xFFFFFFFF;

    private readonly SafeLLamaSamplerChainHandle chain;

    private LlamaSampler(SafeLLamaSamplerChainHandle chain) => this.chain = chain;

    /// <exception cref="LlamaException">The grammar does not parse.</exception>
    public static LlamaSampler Create(LlamaModel model, LlamaSamplingOptions options)
    {
        var chain = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
        if (chain.IsInvalid)
        {
            chain.Dispose();
            throw new LlamaException("llama.cpp could not create a sampler chain.");
        }

        var sampler = new LlamaSampler(chain);
        try
        {
            sampler.Build(model, options);
            return sampler;
        }
        catch
        {
            sampler.Dispose();
            throw;
        }
    }

    /// <summary>Samples (and accepts) the next token from the logits of batch output <paramref name="outputIndex"/>.</summary>
    public int Sample(SafeLLamaContextHandle context, int outputIndex) => (int)chain.Sample(context, outputIndex);

    public void Dispose() => chain.Dispose();

    private void Build(LlamaModel model, LlamaSamplingOptions options)
    {
        if (options.Grammar is { } grammar)
        {
            // First in the chain: later samplers only ever see tokens the grammar allows. llama.cpp adds a null
            // sampler when the grammar does not parse and logs why on this thread; take it out before it is used.
            LlamaLog.TakeLastError();
            chain.AddGrammar(model.Handle.Vocab, grammar, "root");
            if (LlamaLog.TakeLastError() is { } reason)
            {
                chain.Remove(chain.Count - 1);
                throw new LlamaException($"The GBNF grammar does not parse: {reason}.");
            }
        }

        if ((options.RepetitionPenalty != 1f || options.FrequencyPenalty != 0f || options.PresencePenalty != 0f) && options.RepetitionWindow != 0)
        {
            chain.AddPenalties(options.RepetitionWindow, options.RepetitionPenalty, options.FrequencyPenalty, options.PresencePenalty);
        }

        if (options.Temperature <= 0f)
        {
            chain.AddGreedySampler();
            return;
        }

        if (options.TopK > 0)
        {
            chain.AddTopK(options.TopK);
        }

        if (options.TopP < 1f)
        {
            chain.AddTopP(options.TopP, 1);
        }

        if (options.MinP > 0f)
        {
            chain.AddMinP(options.MinP, 1);
        }

        chain.AddTemperature(options.Temperature);
        chain.AddDistributionSampler(options.Seed ?? RandomSeed);
    }
}
