using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Assistant.Core.Vectors;
using Assistant.Inference.Onnx;
using Assistant.Inference.Tokenizers;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;

namespace Assistant.Inference.Embeddings;

/// <summary>
/// Embeds texts with an ONNX model folder (<see cref="EmbeddingModelFolder"/>): prefixes each text for its
/// <see cref="EmbeddingPurpose"/>, tokenizes and truncates it, runs length-sorted batches padded to their longest
/// text, pools per-token outputs when the graph does not, and L2-normalises. Results come back in input order.
/// Each batch runs on tensors over the generator's pooled arrays, and a graph that pools by itself writes straight
/// into the returned vectors: nothing of a batch is copied on its way in or out. Thread-safe: concurrent calls share
/// the session, which ONNX Runtime allows.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Floats per array of <see cref="EmbedTokenized"/>'s vectors (64 MB): few allocations, none near the array limit.</summary>
    private const int SlabFloats = 16 << 20;

    private readonly InferenceSession session;
    private readonly ITextTokenizer tokenizer;
    private readonly EmbeddingModelManifest manifest;
    private readonly OnnxEmbeddingGeneratorOptions options;
    private readonly EmbeddingGeneratorMetadata metadata;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private long truncatedInputs;

    private OnnxEmbeddingGenerator(EmbeddingModelFolder folder, InferenceSession session, ITextTokenizer tokenizer, OnnxEmbeddingGeneratorOptions options)
    {
        Folder = folder;
        manifest = folder.Manifest;
        this.session = session;
        this.tokenizer = tokenizer;
        this.options = options;
        inputNames = manifest.TokenTypeIdsName is { } tokenTypes
            ? [manifest.InputIdsName, manifest.AttentionMaskName, tokenTypes]
            : [manifest.InputIdsName, manifest.AttentionMaskName];
        outputNames = [manifest.OutputName];
        ExecutionProvider = OnnxSessions.ProviderOf(options.Device);
        metadata = new EmbeddingGeneratorMetadata("onnxruntime", new Uri(Path.GetFullPath(folder.Directory)), manifest.Name, manifest.Dimensions);
    }

    public EmbeddingModelFolder Folder { get; }

    /// <summary>The tokenizer of the folder; its padding id fills the short rows of a batch.</summary>
    public ITextTokenizer Tokenizer => tokenizer;

    /// <summary>The ONNX Runtime execution provider the graph runs on (CPUExecutionProvider or CUDAExecutionProvider).</summary>
    public string ExecutionProvider { get; }

    /// <summary>Inputs cut to the manifest's max tokens since this generator was opened.</summary>
    public long TruncatedInputs => Interlocked.Read(ref truncatedInputs);

    /// <summary>Opens a model folder.</summary>
    /// <exception cref="InvalidDataException">The folder or manifest is wrong (the message names the file and field).</exception>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA is asked for and cannot be loaded; the message says what is missing.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the graph.</exception>
    public static OnnxEmbeddingGenerator Open(string directory, OnnxEmbeddingGeneratorOptions? options = null)
    {
        options ??= new OnnxEmbeddingGeneratorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var folder = EmbeddingModelFolder.Load(directory);
        var tokenizer = TokenizerFile.Load(folder.TokenizerPath);
        var session = OnnxSessions.Open(folder.ModelPath, new OnnxSessionOptions
        {
            Device = options.Device,
            CudaDeviceId = options.CudaDeviceId,
            IntraOpThreads = options.IntraOpThreads,
            InterOpThreads = options.InterOpThreads,
        });
        try
        {
            folder.CheckAgainst(session);
            return new OnnxEmbeddingGenerator(folder, session, tokenizer, options);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The ids a text is embedded from: prefixed, framed with the special tokens, cut to max tokens.</summary>
    public IReadOnlyList<int> Tokenize(string text, EmbeddingPurpose kind) => Tokenize(text, kind, out _);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        var kind = EmbeddingPurposes.Of(options);
        return Task.Run(() => Generate(texts, kind, cancellationToken), cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => session.Dispose();

    /// <summary>Embeds texts already turned into ids (the benchmark feeds both engines the same ids).</summary>
    public ReadOnlyMemory<float>[] EmbedTokenized(IReadOnlyList<IReadOnlyList<int>> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var dimensions = manifest.Dimensions;
        var results = new ReadOnlyMemory<float>[inputs.Count];
        var vectors = Array.Empty<float>();
        var used = 0;
        var left = inputs.Count;
        using var runOptions = new RunOptions();
        foreach (var batch in PlanBatches(inputs, options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = batch.Length * dimensions;
            if (used + size > vectors.Length)
            {
                // The vectors are slices of few large arrays rather than of one small array per batch, which would
                // survive young-generation collections until the call returns and be copied by each. Every element is
                // written by a batch, so the array need not be zeroed first.
                vectors = GC.AllocateUninitializedArray<float>(Math.Max(size, Math.Min(left * dimensions, SlabFloats)));
                used = 0;
            }

            RunBatch(inputs, batch, vectors.AsMemory(used, size), runOptions);
            for (var i = 0; i < batch.Length; i++)
            {
                results[batch[i]] = new ReadOnlyMemory<float>(vectors, used + (i * dimensions), dimensions);
            }

            used += size;
            left -= batch.Length;
        }

        return results;
    }

    /// <summary>
    /// The batches inputs run in, as indices into <paramref name="inputs"/>: sorted by token count (stable), then cut
    /// into runs of <paramref name="batchSize"/>, so each batch pads only to its own longest input.
    /// </summary>
    public static int[][] PlanBatches(IReadOnlyList<IReadOnlyList<int>> inputs, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        // Keys of token count then index: unique, so an unstable sort of primitives orders as a stable sort by count.
        var keys = new long[inputs.Count];
        var order = new int[inputs.Count];
        for (var index = 0; index < order.Length; index++)
        {
            keys[index] = ((long)inputs[index].Count << 32) | (uint)index;
            order[index] = index;
        }

        Array.Sort(keys, order);
        return order.Chunk(batchSize).ToArray();
    }

    private GeneratedEmbeddings<Embedding<float>> Generate(string[] texts, EmbeddingPurpose kind, CancellationToken cancellationToken)
    {
        // Tokenizing is the larger cost next to a static graph, and tokenizers are immutable: spread it over the cores.
        var tokenized = new IReadOnlyList<int>[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            tokenized[i] = Tokenize(texts[i], kind, out var truncated);
            if (truncated)
            {
                Interlocked.Increment(ref truncatedInputs);
            }
        });

        var vectors = EmbedTokenized(tokenized, cancellationToken);
        var created = DateTimeOffset.UtcNow;
        return new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(vector => new Embedding<float>(vector) { ModelId = manifest.Name, CreatedAt = created }))
        {
            Usage = new UsageDetails
            {
                InputTokenCount = tokenized.Sum(ids => (long)ids.Count),
                TotalTokenCount = tokenized.Sum(ids => (long)ids.Count),
            },
        };
    }

    private IReadOnlyList<int> Tokenize(string text, EmbeddingPurpose kind, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prefix = kind == EmbeddingPurpose.Query ? manifest.QueryPrefix : manifest.PassagePrefix;
        var ids = tokenizer.Encode(prefix + text, addSpecialTokens: true);
        truncated = ids.Count > manifest.MaxTokens;
        if (!truncated)
        {
            return ids;
        }

        // Lists, as the tokenizers return: the batches copy them through their spans.
        List<int> cut = tokenizer.Special.End is { } endId && ids[^1] == endId
            ? [.. ids.Take(manifest.MaxTokens - 1), endId]
            : [.. ids.Take(manifest.MaxTokens)];
        return cut;
    }

    /// <summary>
    /// Runs one batch of <paramref name="inputs"/> and leaves its vectors, row after row, in <paramref name="destination"/>:
    /// a graph that pools by itself writes them there; a per-token output goes to a pooled array and is pooled from it.
    /// </summary>
    private void RunBatch(IReadOnlyList<IReadOnlyList<int>> inputs, int[] batch, Memory<float> destination, RunOptions runOptions)
    {
        var length = 1;
        foreach (var index in batch)
        {
            length = Math.Max(length, inputs[index].Count);
        }

        // Pooled: a batch of long norms needs hundreds of kilobytes, which would land on the large object heap each time.
        var rows = batch.Length;
        var size = rows * length;
        var ids = ArrayPool<long>.Shared.Rent(size);
        var mask = ArrayPool<long>.Shared.Rent(size);
        var tokenTypes = inputNames.Length > 2 ? ArrayPool<long>.Shared.Rent(size) : null;
        var perToken = manifest.Pooling == EmbeddingPooling.None ? null : ArrayPool<float>.Shared.Rent(size * manifest.Dimensions);
        var values = new OrtValue[inputNames.Length];
        OrtValue? output = null;
        try
        {
            ids.AsSpan(0, size).Fill(tokenizer.Special.Padding);
            mask.AsSpan(0, size).Clear();
            for (var row = 0; row < rows; row++)
            {
                var input = inputs[batch[row]];
                Widen(input, ids.AsSpan(row * length, input.Count));
                mask.AsSpan(row * length, input.Count).Fill(1);
            }

            long[] shape = [rows, length];
            values[0] = Tensor(ids.AsMemory(0, size), shape);
            values[1] = Tensor(mask.AsMemory(0, size), shape);
            if (tokenTypes is not null)
            {
                tokenTypes.AsSpan(0, size).Clear();
                values[2] = Tensor(tokenTypes.AsMemory(0, size), shape);
            }

            output = perToken is null
                ? Tensor(destination, [rows, manifest.Dimensions])
                : Tensor(perToken.AsMemory(0, size * manifest.Dimensions), [rows, length, manifest.Dimensions]);
            session.Run(runOptions, inputNames, values, outputNames, [output]);
            if (perToken is not null)
            {
                Pool(perToken, mask, rows, length, destination.Span);
            }

            if (manifest.Normalize)
            {
                Normalize(destination.Span, rows);
            }
        }
        catch (OnnxRuntimeException error) when (error.Message.Contains("shape", StringComparison.OrdinalIgnoreCase)
            && error.Message.Contains(manifest.OutputName, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"'{Folder.ManifestPath}': field 'dimensions' is {manifest.Dimensions.ToString(CultureInfo.InvariantCulture)}, but output '{manifest.OutputName}' does not have that shape: {error.Message}",
                error);
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }

            output?.Dispose();

            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            if (tokenTypes is not null)
            {
                ArrayPool<long>.Shared.Return(tokenTypes);
            }

            if (perToken is not null)
            {
                ArrayPool<float>.Shared.Return(perToken);
            }
        }
    }

    /// <summary>A tensor over <paramref name="memory"/>, which stays pinned until the value is disposed.</summary>
    private static OrtValue Tensor<T>(Memory<T> memory, long[] shape)
        where T : unmanaged => OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, memory, shape);

    /// <summary>Token ids widened to the graph's int64; tokenizers hand back lists, whose spans spare an interface call per token.</summary>
    private static void Widen(IReadOnlyList<int> ids, Span<long> destination)
    {
        if (ids is List<int> list)
        {
            var source = CollectionsMarshal.AsSpan(list);
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = source[i];
            }

            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = ids[i];
        }
    }

    /// <summary>One vector per row into <paramref name="destination"/>, pooled from the per-token output over the unmasked tokens.</summary>
    private void Pool(float[] perToken, long[] mask, int rows, int length, Span<float> destination)
    {
        var hidden = manifest.Dimensions;
        var data = perToken.AsSpan(0, rows * length * hidden);
        for (var row = 0; row < rows; row++)
        {
            var vector = destination.Slice(row * hidden, hidden);
            if (manifest.Pooling == EmbeddingPooling.Cls)
            {
                data.Slice(row * length * hidden, hidden).CopyTo(vector);
                continue;
            }

            vector.Clear();
            var counted = 0;
            for (var token = 0; token < length; token++)
            {
                if (mask[(row * length) + token] != 0)
                {
                    TensorPrimitives.Add(vector, data.Slice(((row * length) + token) * hidden, hidden), vector);
                    counted++;
                }
            }

            TensorPrimitives.Divide(vector, Math.Max(counted, 1), vector);
        }
    }

    /// <summary>Each row of <paramref name="vectors"/> L2-normalised in place; a zero row stays zero.</summary>
    private void Normalize(Span<float> vectors, int rows)
    {
        for (var row = 0; row < rows; row++)
        {
            var vector = vectors.Slice(row * manifest.Dimensions, manifest.Dimensions);
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
        }
    }
}
