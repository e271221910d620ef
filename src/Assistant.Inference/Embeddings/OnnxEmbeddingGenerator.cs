using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Assistant.Core.Vectors;
using Assistant.Inference.Onnx;
using Assistant.Inference.Tokenizers;
using Microsoft.Extensions.AI;

namespace Assistant.Inference.Embeddings;

/// <summary>
/// Embeds texts with an ONNX model folder (<see cref="EmbeddingModelFolder"/>): prefixes each text for its
/// <see cref="EmbeddingPurpose"/>, tokenizes and truncates it, runs length-sorted batches padded to their longest
/// text, pools per-token outputs when the graph does not, and L2-normalises. Results come back in input order.
/// Thread-safe: concurrent calls share the session, which ONNX Runtime allows.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Floats per array of <see cref="EmbedTokenized"/>'s vectors (64 MB): few allocations, none near the array limit.</summary>
    private const int SlabFloats = 16 << 20;

    private readonly OnnxSession session;
    private readonly ITextTokenizer tokenizer;
    private readonly EmbeddingModelManifest manifest;
    private readonly OnnxEmbeddingGeneratorOptions options;
    private readonly EmbeddingGeneratorMetadata metadata;
    private long truncatedInputs;

    private OnnxEmbeddingGenerator(EmbeddingModelFolder folder, OnnxSession session, ITextTokenizer tokenizer, OnnxEmbeddingGeneratorOptions options)
    {
        Folder = folder;
        manifest = folder.Manifest;
        this.session = session;
        this.tokenizer = tokenizer;
        this.options = options;
        metadata = new EmbeddingGeneratorMetadata("onnxruntime", new Uri(Path.GetFullPath(folder.Directory)), manifest.Name, manifest.Dimensions);
    }

    public EmbeddingModelFolder Folder { get; }

    /// <summary>The tokenizer of the folder; its padding id fills the short rows of a batch.</summary>
    public ITextTokenizer Tokenizer => tokenizer;

    /// <summary>Inputs cut to the manifest's max tokens since this generator was opened.</summary>
    public long TruncatedInputs => Interlocked.Read(ref truncatedInputs);

    /// <summary>Opens a model folder.</summary>
    /// <exception cref="InvalidDataException">The folder or manifest is wrong (the message names the file and field).</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the graph or the requested device.</exception>
    public static OnnxEmbeddingGenerator Open(string directory, OnnxEmbeddingGeneratorOptions? options = null)
    {
        options ??= new OnnxEmbeddingGeneratorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var folder = EmbeddingModelFolder.Load(directory);
        var tokenizer = TokenizerFile.Load(folder.TokenizerPath);
        var session = OnnxSession.Open(folder.ModelPath, new OnnxSessionOptions
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

            RunBatch(inputs, batch, vectors.AsSpan(used, size));
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

    /// <summary>Runs one batch of <paramref name="inputs"/> and writes its vectors, row after row, into <paramref name="destination"/>.</summary>
    private void RunBatch(IReadOnlyList<IReadOnlyList<int>> inputs, int[] batch, Span<float> destination)
    {
        var length = 1;
        foreach (var index in batch)
        {
            length = Math.Max(length, inputs[index].Count);
        }

        // Pooled: a batch of long norms needs hundreds of kilobytes, which would land on the large object heap each time.
        var size = batch.Length * length;
        var ids = ArrayPool<long>.Shared.Rent(size);
        var mask = ArrayPool<long>.Shared.Rent(size);
        try
        {
            ids.AsSpan(0, size).Fill(tokenizer.Special.Padding);
            mask.AsSpan(0, size).Clear();
            for (var row = 0; row < batch.Length; row++)
            {
                var input = inputs[batch[row]];
                Widen(input, ids.AsSpan(row * length, input.Count));
                mask.AsSpan(row * length, input.Count).Fill(1);
            }

            long[] shape = [batch.Length, length];
            var tensors = new List<OnnxInt64Tensor>(3)
            {
                new(manifest.InputIdsName, ids, shape),
                new(manifest.AttentionMaskName, mask, shape),
            };
            if (manifest.TokenTypeIdsName is { } tokenTypes)
            {
                tensors.Add(new OnnxInt64Tensor(tokenTypes, new long[size], shape));
            }

            using var output = session.Run(tensors, manifest.OutputName);
            Pool(output, mask, batch.Length, length, destination);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
        }
    }

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

    /// <summary>
    /// One vector per row into <paramref name="destination"/>: a graph that pools itself is copied as it is, others
    /// are pooled over the unmasked tokens; then each is L2-normalised when the manifest asks.
    /// </summary>
    private void Pool(OnnxOutput output, long[] mask, int rows, int length, Span<float> destination)
    {
        var hidden = (int)output.Shape[^1];
        if (hidden != manifest.Dimensions)
        {
            throw new InvalidDataException(
                $"'{Folder.ManifestPath}': field 'dimensions' is {manifest.Dimensions}, but output '{manifest.OutputName}' returned {hidden.ToString(CultureInfo.InvariantCulture)}.");
        }

        var data = output.Data;
        for (var row = 0; row < rows; row++)
        {
            var vector = destination.Slice(row * hidden, hidden);
            switch (manifest.Pooling)
            {
                case EmbeddingPooling.None:
                    data.Slice(row * hidden, hidden).CopyTo(vector);
                    break;
                case EmbeddingPooling.Cls:
                    data.Slice(row * length * hidden, hidden).CopyTo(vector);
                    break;
                default:
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
                    break;
            }

            if (manifest.Normalize)
            {
                var norm = TensorPrimitives.Norm(vector);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(vector, norm, vector);
                }
            }
        }
    }
}
