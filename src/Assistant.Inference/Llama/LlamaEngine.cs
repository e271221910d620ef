using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using LLama.Exceptions;
using LLama.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Inference.Llama;

/// <summary>
/// Serves generation requests from one model and context. A single decode loop runs every active request on its
/// own sequence id and decodes them together (continuous batching): each step carries one new token per
/// generating request plus prompt chunks of newly admitted ones. Waiting requests queue up to
/// <see cref="LlamaEngineOptions.QueueCapacity"/>; beyond that requests fail fast with <see cref="LlamaEngineBusyException"/>.
/// LLamaSharp serialises decode calls of all contexts in the process, so one context serves every request.
/// </summary>
public sealed unsafe partial class LlamaEngine : IDisposable
{
    private readonly SafeLLamaContextHandle context;

    // Steps that carry only one token per generating request use their own small batch: LLamaSharp clears and
    // pins every slot of a batch's capacity on each decode, and a prompt chunk grows that capacity to hundreds.
    private readonly LLamaBatch generationBatch = new();
    private readonly LLamaBatch promptBatch = new();
    private readonly int batchCapacity;

    // Partial removal of a sequence's cells fails for recurrent memory, so prompts are kept only for attention caches.
    private readonly bool keepsPrompts;
    private readonly Channel<GenerationJob> queue;
    private readonly GenerationJob?[] slots;
    private long generatedTokens;

    // Per sequence: the prompt whose KV cells it still holds from its last request, or null.
    private readonly int[]?[] cachedPrompts;
    private readonly List<GenerationJob> inBatch = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger;
    private readonly Task loop;
    private readonly GCHandle self;
    private int disposed;

    private LlamaEngine(LlamaModel model, SafeLLamaContextHandle context, LlamaEngineOptions options, ILogger logger)
    {
        Model = model;
        this.context = context;
        this.logger = logger;
        ContextSize = (int)context.ContextSize;
        MaxSequences = options.MaxSequences;
        // llama_n_ctx_seq: the whole cache when it is unified, an even share of it otherwise.
        SequenceContextSize = options.UnifiedKvCache ? ContextSize : ContextSize / (int)context.MaxSeq;
        batchCapacity = (int)context.BatchSize;
        keepsPrompts = !model.Handle.IsRecurrent;
        slots = new GenerationJob?[MaxSequences];
        cachedPrompts = new int[]?[MaxSequences];
        queue = Channel.CreateBounded<GenerationJob>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        self = GCHandle.Alloc(this, GCHandleType.Weak);
        NativeApi.llama_set_abort_callback(context, (nint)(delegate* unmanaged[Cdecl]<nint, byte>)&OnAbortCheck, GCHandle.ToIntPtr(self));
        loop = Task.Factory.StartNew(RunLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>The model this engine generates with.</summary>
    public LlamaModel Model { get; }

    /// <summary>Total KV-cache tokens.</summary>
    public int ContextSize { get; }

    /// <summary>Most requests generating at once.</summary>
    public int MaxSequences { get; }

    /// <summary>KV-cache tokens available to one request (prompt plus generated tokens).</summary>
    public int SequenceContextSize { get; }

    /// <summary>Requests holding a sequence now (read without a lock: a figure for monitoring).</summary>
    public int ActiveSequences => slots.Count(job => job is not null);

    /// <summary>Tokens generated since the engine was created, over all requests.</summary>
    public long GeneratedTokens => Interlocked.Read(ref generatedTokens);

    /// <summary>Creates a context on <paramref name="model"/>; the model must stay alive (undisposed) as long as the engine.</summary>
    /// <exception cref="LlamaException">llama.cpp could not create the context (e.g. out of memory).</exception>
    public static LlamaEngine Create(LlamaModel model, LlamaEngineOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new LlamaEngineOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSequences, 1);
        // Every generating sequence contributes one token to each step's batch.
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, options.MaxSequences);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ContextSize);

        var parameters = LLamaContextParams.Default();
        parameters.n_ctx = (uint)options.ContextSize;
        parameters.n_batch = (uint)options.BatchSize;
        parameters.n_ubatch = (uint)options.BatchSize;
        parameters.n_seq_max = (uint)options.MaxSequences;
        parameters.n_threads = options.Threads ?? Environment.ProcessorCount;
        parameters.n_threads_batch = parameters.n_threads;
        parameters.kv_unified = options.UnifiedKvCache;
        parameters.llama_flash_attn_type = options.FlashAttention switch
        {
            null => LLamaFlashAttentionType.LLAMA_FLASH_ATTENTION_TYPE_AUTO,
            true => LLamaFlashAttentionType.LLAMA_FLASH_ATTENTION_TYPE_ENABLED,
            false => LLamaFlashAttentionType.LLAMA_FLASH_ATTENTION_TYPE_DISABLED,
        };

        LlamaLog.TakeLastError();
        SafeLLamaContextHandle context;
        try
        {
            // The handle holds a reference on the model's, so the weights outlive the context that reads them.
            context = SafeLLamaContextHandle.Create(model.Handle, parameters);
        }
        catch (RuntimeError exception)
        {
            throw ContextFailed(model, exception);
        }

        if (context.IsInvalid)
        {
            context.Dispose();
            throw ContextFailed(model, null);
        }

        return new LlamaEngine(model, context, options, logger ?? NullLogger.Instance);
    }

    /// <summary>
    /// Generates a continuation of the request's prompt, streaming text as it is produced. Cancelling the token, or
    /// stopping the enumeration, ends generation within a step and frees the request's sequence.
    /// </summary>
    /// <exception cref="LlamaEngineBusyException">The queue is full.</exception>
    /// <exception cref="LlamaException">The prompt does not fit the sequence's context, or decoding failed.</exception>
    public async IAsyncEnumerable<LlamaGenerationUpdate> GenerateAsync(
        LlamaGenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        var tokens = Model.Tokenize(request.Prompt, addSpecial: true, parseSpecial: true);
        if (tokens.Length == 0)
        {
            throw new ArgumentException("The prompt produced no tokens.", nameof(request));
        }

        if (tokens.Length >= SequenceContextSize)
        {
            throw new LlamaException(
                $"The prompt has {tokens.Length} tokens; a request may use at most {SequenceContextSize - 1} "
                + $"(context {ContextSize} over {MaxSequences} sequences).");
        }

        var job = new GenerationJob(request, tokens, LlamaSampler.Create(Model, request.Sampling), cancellationToken);
        if (!queue.Writer.TryWrite(job))
        {
            job.Dispose();
            throw new LlamaEngineBusyException();
        }

        try
        {
            await foreach (var update in job.Output.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Updates may already be buffered: honour cancellation before each one, not only when waiting.
                cancellationToken.ThrowIfCancellationRequested();
                yield return update;
            }
        }
        finally
        {
            // A consumer that stops early or is cancelled releases its sequence at the loop's next step.
            job.Cancel();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        stopping.Cancel();
        try
        {
            loop.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        context.Dispose();
        self.Free();
        stopping.Dispose();
    }

    private static LlamaException ContextFailed(LlamaModel model, Exception? inner) => new(
        $"Failed to create a llama.cpp context for '{model.Path}': {LlamaLog.TakeLastError() ?? "llama.cpp logged no reason"}.", inner!);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnAbortCheck(nint data)
    {
        // Runs on ggml worker threads during llama_decode: abort when no request in the batch still wants its result.
        if (GCHandle.FromIntPtr(data).Target is not LlamaEngine engine)
        {
            return 0;
        }

        return engine.ShouldAbortDecode() ? (byte)1 : (byte)0;
    }

    private bool ShouldAbortDecode()
    {
        if (stopping.IsCancellationRequested)
        {
            return true;
        }

        var jobs = inBatch;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (!jobs[i].IsCancelled)
            {
                return false;
            }
        }

        return jobs.Count > 0;
    }
}
