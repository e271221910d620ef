using System.Threading.Channels;

namespace Assistant.Inference.Llama;

/// <summary>The scheduler's state for one request: its sequence, position, sampler and output channel.</summary>
internal sealed class GenerationJob : IDisposable
{
    private readonly CancellationTokenRegistration registration;
    private volatile bool cancelled;

    public GenerationJob(LlamaGenerationRequest request, int[] promptTokens, LlamaSampler sampler, CancellationToken cancellationToken)
    {
        Request = request;
        PromptTokens = promptTokens;
        Sampler = sampler;
        Text = new TextStream(request.StopSequences);
        CancellationToken = cancellationToken;
        registration = cancellationToken.Register(static state => ((GenerationJob)state!).Cancel(), this);
    }

    public LlamaGenerationRequest Request { get; }

    public int[] PromptTokens { get; }

    public LlamaSampler Sampler { get; }

    public TextStream Text { get; }

    public CancellationToken CancellationToken { get; }

    public Channel<LlamaGenerationUpdate> Output { get; } =
        Channel.CreateUnbounded<LlamaGenerationUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>The sequence id while the job holds one; -1 while queued.</summary>
    public int SequenceId { get; set; } = -1;

    /// <summary>How many prompt tokens have been submitted.</summary>
    public int PromptOffset { get; set; }

    /// <summary>Next KV position of the sequence.</summary>
    public int Position { get; set; }

    /// <summary>The last sampled token, to be decoded next.</summary>
    public int PendingToken { get; set; }

    /// <summary>The job's output index in the batch being decoded, or -1.</summary>
    public int OutputIndex { get; set; } = -1;

    public int GeneratedTokenCount { get; set; }

    /// <summary>Leading prompt tokens whose KV cells were kept from the sequence's previous request.</summary>
    public int ReusedPromptTokenCount { get; set; }

    public bool IsPromptDone => PromptOffset == PromptTokens.Length;

    /// <summary>Set from any thread when the caller cancels or stops reading.</summary>
    public bool IsCancelled => cancelled;

    public void Cancel() => cancelled = true;

    public void Dispose()
    {
        registration.Dispose();
        Sampler.Dispose();
    }
}
