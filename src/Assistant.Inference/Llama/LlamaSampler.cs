using Assistant.Inference.Llama.Native;

namespace Assistant.Inference.Llama;

/// <summary>A llama.cpp sampler chain built from <see cref="LlamaSamplingOptions"/>, in llama.cpp's usual order.</summary>
internal sealed class LlamaSampler : IDisposable
{
    private const uint RandomSeed = 0xFFFFFFFF;

    private readonly SafeLlamaSamplerHandle chain;

    private LlamaSampler(SafeLlamaSamplerHandle chain) => this.chain = chain;

    public static LlamaSampler Create(LlamaModel model, LlamaSamplingOptions options)
    {
        var chain = LlamaNative.SamplerChainInit(LlamaNative.SamplerChainDefaultParams());
        if (chain.IsInvalid)
        {
            chain.Dispose();
            throw new LlamaException("llama.cpp could not create a sampler chain.");
        }

        var sampler = new LlamaSampler(chain);
        if (options.Grammar is { } grammar)
        {
            // First in the chain: later samplers only ever see tokens the grammar allows.
            var grammarSampler = LlamaNative.SamplerInitGrammar(model.Vocab, grammar, "root");
            if (grammarSampler == nint.Zero)
            {
                sampler.Dispose();
                throw new LlamaException($"The GBNF grammar does not parse: {LlamaLogBridge.TakeLastError() ?? "llama.cpp logged no reason"}.");
            }

            sampler.Add(grammarSampler);
        }

        if ((options.RepetitionPenalty != 1f || options.FrequencyPenalty != 0f || options.PresencePenalty != 0f) && options.RepetitionWindow != 0)
        {
            sampler.Add(LlamaNative.SamplerInitPenalties(
                model.VocabularySize, options.RepetitionWindow, options.RepetitionPenalty, options.FrequencyPenalty, options.PresencePenalty));
        }

        if (options.Temperature <= 0f)
        {
            sampler.Add(LlamaNative.SamplerInitGreedy());
            return sampler;
        }

        if (options.TopK > 0)
        {
            sampler.Add(LlamaNative.SamplerInitTopK(options.TopK));
        }

        if (options.TopP < 1f)
        {
            sampler.Add(LlamaNative.SamplerInitTopP(options.TopP, 1));
        }

        if (options.MinP > 0f)
        {
            sampler.Add(LlamaNative.SamplerInitMinP(options.MinP, 1));
        }

        sampler.Add(LlamaNative.SamplerInitTemperature(options.Temperature));
        sampler.Add(LlamaNative.SamplerInitDistribution(options.Seed ?? RandomSeed));
        return sampler;
    }

    /// <summary>Samples (and accepts) the next token from the logits of batch output <paramref name="outputIndex"/>.</summary>
    public int Sample(SafeLlamaContextHandle context, int outputIndex) =>
        LlamaNative.SamplerSample(chain, context, outputIndex);

    public void Dispose() => chain.Dispose();

    private void Add(nint sampler)
    {
        if (sampler == nint.Zero)
        {
            throw new LlamaException("llama.cpp could not create a sampler.");
        }

        LlamaNative.SamplerChainAdd(chain, sampler);
    }
}
