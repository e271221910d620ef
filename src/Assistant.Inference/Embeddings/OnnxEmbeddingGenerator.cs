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
        var results = new ReadOnlyMemory<float>[inputs.Count];
        foreach (var batch in PlanBatches(inputs, options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vectors = RunBatch(batch.Select(index => inputs[index]).ToArray());
            for (var i = 0; i < batch.Length; i++)
            {
                results[batch[i]] = vectors[i];
            }
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
        return Enumerable.Range(0, inputs.Count).OrderBy(index => inputs[index].Count).Chunk(batchSize).ToArray();
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

        var end = tokenizer.Special.End;
        if (end is { } endId && ids[^1] == endId)
        {
            return [.. ids.Take(manifest.MaxTokens - 1), endId];
        }

        return [.. ids.Take(manifest.MaxTokens)];
    }

    private ReadOnlyMemory<float>[] RunBatch(IReadOnlyList<int>[] batch)
    {
        var length = Math.Max(1, batch.Max(ids => ids.Count));
        // Pooled: a batch of long norms needs hundreds of kilobytes, which would land on the large object heap each time.
        var size = batch.Length * length;
        var ids = ArrayPool<long>.Shared.Rent(size);
        var mask = ArrayPool<long>.Shared.Rent(size);
        try
        {
            return RunBatch(batch, length, ids, mask);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
        }
    }

    private ReadOnlyMemory<float>[] RunBatch(IReadOnlyList<int>[] batch, int length, long[] ids, long[] mask)
    {
        var size = batch.Length * length;
        ids.AsSpan(0, size).Fill(tokenizer.Special.Padding);
        mask.AsSpan(0, size).Clear();
        for (var row = 0; row < batch.Length; row++)
        {
            // Tokenizers hand back lists: copying from their spans spares an interface call per token.
            var start = row * length;
            var count = batch[row].Count;
            if (batch[row] is List<int> list)
            {
                Widen(CollectionsMarshal.AsSpan(list), ids.AsSpan(start, count));
            }
            else
            {
                for (var column = 0; column < count; column++)
                {
                    ids[start + column] = batch[row][column];
                }
            }

            mask.AsSpan(start, count).Fill(1);
        }

        long[] shape = [batch.Length, length];
        var inputs = new List<OnnxInt64Tensor>(3)
        {
            new(manifest.InputIdsName, ids, shape),
            new(manifest.AttentionMaskName, mask, shape),
        };
        if (manifest.TokenTypeIdsName is { } tokenTypes)
        {
            inputs.Add(new OnnxInt64Tensor(tokenTypes, new long[size], shape));
        }

        var output = session.Run(inputs, manifest.OutputName);
        return Pool(output, mask, batch.Length, length);
    }

    private static void Widen(ReadOnlySpan<int> source, Span<long> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>
    /// One vector per row, all slices of one array: a graph that pools itself is read in place, others are pooled into
    /// a new array, so a batch allocates once, not once per text.
    /// </summary>
    private ReadOnlyMemory<float>[] Pool(OnnxFloatTensor output, long[] mask, int rows, int length)
    {
        var hidden = (int)output.Shape[^1];
        if (hidden != manifest.Dimensions)
        {
            throw new InvalidDataException(
                $"'{Folder.ManifestPath}': field 'dimensions' is {manifest.Dimensions}, but output '{manifest.OutputName}' returned {hidden.ToString(CultureInfo.InvariantCulture)}.");
        }

        var pooled = manifest.Pooling == EmbeddingPooling.None ? output.Data : new float[rows * hidden];
        var vectors = new ReadOnlyMemory<float>[rows];
        for (var row = 0; row < rows; row++)
        {
            var vector = pooled.AsSpan(row * hidden, hidden);
            switch (manifest.Pooling)
            {
                case EmbeddingPooling.None:
                    break;
                case EmbeddingPooling.Cls:
                    output.Data.AsSpan(row * length * hidden, hidden).CopyTo(vector);
                    break;
                default:
                    var counted = 0;
                    for (var token = 0; token < length; token++)
                    {
                        if (mask[(row * length) + token] != 0)
                        {
                            TensorPrimitives.Add(vector, output.Data.AsSpan(((row * length) + token) * hidden, hidden), vector);
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

            vectors[row] = new ReadOnlyMemory<float>(pooled, row * hidden, hidden);
        }

        return vectors;
    }
}
