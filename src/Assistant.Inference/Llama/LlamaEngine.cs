using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Assistant.Inference.Llama.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Inference.Llama;

/// <summary>
/// Serves generation requests from one model and context. A single decode loop runs every active request on its
/// own sequence id and decodes them together (continuous batching): each step carries one new token per
/// generating request plus prompt chunks of newly admitted ones. Waiting requests queue up to
/// <see cref="LlamaEngineOptions.QueueCapacity"/>; beyond that requests fail fast with <see cref="LlamaEngineBusyException"/>.
/// </summary>
public sealed unsafe partial class LlamaEngine : IDisposable
{
    private const int DecodeAborted = 2;

    private readonly SafeLlamaContextHandle context;
    private readonly nint memory;
    private readonly LlamaBatchBuffer batch;
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
    private readonly bool modelReferenced;
    private int disposed;

    private LlamaEngine(LlamaModel model, SafeLlamaContextHandle context, LlamaEngineOptions options, ILogger logger)
    {
        Model = model;
        this.context = context;
        this.logger = logger;
        memory = LlamaNative.GetMemory(context);
        ContextSize = (int)LlamaNative.ContextSize(context);
        MaxSequences = options.MaxSequences;
        SequenceContextSize = (int)LlamaNative.SequenceContextSize(context);
        batch = new LlamaBatchBuffer((int)LlamaNative.BatchSize(context));
        slots = new GenerationJob?[MaxSequences];
        cachedPrompts = new int[]?[MaxSequences];
        queue = Channel.CreateBounded<GenerationJob>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // The model must outlive the context that reads its weights.
        model.Handle.DangerousAddRef(ref modelReferenced);
        self = GCHandle.Alloc(this, GCHandleType.Weak);
        LlamaNative.SetAbortCallback(context, &OnAbortCheck, GCHandle.ToIntPtr(self));
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

        var parameters = LlamaNative.ContextDefaultParams();
        parameters.ContextSize = (uint)options.ContextSize;
        parameters.BatchSize = (uint)options.BatchSize;
        parameters.MicroBatchSize = (uint)options.BatchSize;
        parameters.MaxSequences = (uint)options.MaxSequences;
        parameters.Threads = options.Threads ?? Environment.ProcessorCount;
        parameters.BatchThreads = parameters.Threads;
        parameters.KvUnified = options.UnifiedKvCache ? (byte)1 : (byte)0;
        parameters.FlashAttentionType = options.FlashAttention switch
        {
            null => -1,
            true => 1,
            false => 0,
        };

        LlamaLogBridge.TakeLastError();
        var context = LlamaNative.InitFromModel(model.Handle, parameters);
        if (context.IsInvalid)
        {
            context.Dispose();
            throw new LlamaException(
                $"Failed to create a llama.cpp context for '{model.Path}': {LlamaLogBridge.TakeLastError() ?? "llama.cpp logged no reason"}.");
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

        batch.Dispose();
        context.Dispose();
        if (modelReferenced)
        {
            Model.Handle.DangerousRelease();
        }

        self.Free();
        stopping.Dispose();
    }

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
