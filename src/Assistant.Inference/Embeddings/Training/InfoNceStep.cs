namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Forward and backward pass of one batch: pools every text, takes the InfoNCE loss and gathers the gradient of each
/// token row the batch touches. Texts are split into a fixed number of shards, each with its own gradient buffer,
/// and the buffers are added in shard order: the sums, and so the trained vectors, are the same for any thread count.
/// </summary>
internal sealed class InfoNceStep
{
    private const int Shards = 4;

    private readonly int dimensions;
    private readonly int maxTokens;
    private readonly ParallelOptions parallel;
    private readonly InfoNce loss;
    private readonly Dictionary<int, int> rowOfToken = [];
    private readonly List<int> tokens = [];
    private readonly float[][] shardGradients = new float[Shards][];
    private int[][] rowsOfText = [];
    private PooledText[] pooled = [];
    private float[] units = [];
    private float[] unitGradients = [];

    public InfoNceStep(int dimensions, float temperature, int maxTokens, ParallelOptions parallel)
    {
        this.dimensions = dimensions;
        this.maxTokens = maxTokens;
        this.parallel = parallel;
        loss = new InfoNce(dimensions, temperature, parallel);
        Array.Fill(shardGradients, []);
    }

    /// <summary>Distinct tokens of the last batch, in the order of their gradient rows.</summary>
    public IReadOnlyList<int> Tokens => tokens;

    /// <summary>dL/de of the last batch, one row per entry of <see cref="Tokens"/>.</summary>
    public ReadOnlySpan<float> Gradient => shardGradients[0].AsSpan(0, tokens.Count * dimensions);

    /// <summary>Runs the batch and returns its mean loss.</summary>
    public double Run(IReadOnlyList<TokenPair> batch, float[] vectors, float[] weights)
    {
        var count = batch.Count;
        var texts = 2 * count;
        AssignRows(batch);
        if (units.Length < texts * dimensions)
        {
            units = new float[texts * dimensions];
            unitGradients = new float[texts * dimensions];
            pooled = new PooledText[texts];
        }

        var d = dimensions;
        Parallel.For(0, texts, parallel, t =>
            pooled[t] = Pooling.Forward(TextOf(batch, t), weights, vectors, units.AsSpan(t * d, d)));

        var anchors = units.AsSpan(0, count * d).ToArray();
        var positives = units.AsSpan(count * d, count * d).ToArray();
        var anchorGradient = new float[count * d];
        var positiveGradient = new float[count * d];
        var value = loss.Compute(anchors, positives, count, anchorGradient, positiveGradient);
        anchorGradient.CopyTo(unitGradients, 0);
        positiveGradient.CopyTo(unitGradients, count * d);

        var rowsUsed = tokens.Count * d;
        Parallel.For(0, Shards, parallel, shard =>
        {
            if (shardGradients[shard].Length < rowsUsed)
            {
                shardGradients[shard] = new float[Math.Max(rowsUsed, shardGradients[shard].Length * 2)];
            }

            var buffer = shardGradients[shard].AsSpan(0, rowsUsed);
            buffer.Clear();
            var scratch = new float[d];
            for (var t = texts * shard / Shards; t < texts * (shard + 1) / Shards; t++)
            {
                Pooling.Backward(TextOf(batch, t), rowsOfText[t], weights, units.AsSpan(t * d, d), pooled[t], unitGradients.AsSpan(t * d, d), scratch, buffer);
            }
        });
        Parallel.For(0, Math.Min(parallel.MaxDegreeOfParallelism, tokens.Count), parallel, part =>
        {
            var parts = Math.Min(parallel.MaxDegreeOfParallelism, tokens.Count);
            var start = tokens.Count * part / parts * d;
            var end = tokens.Count * (part + 1) / parts * d;
            var total = shardGradients[0].AsSpan(start, end - start);
            for (var shard = 1; shard < Shards; shard++)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(total, shardGradients[shard].AsSpan(start, end - start), total);
            }
        });
        return value;
    }

    private ReadOnlySpan<int> TextOf(IReadOnlyList<TokenPair> batch, int text)
    {
        var ids = text < batch.Count ? batch[text].Anchor : batch[text - batch.Count].Positive;
        return ids.AsSpan(0, Math.Min(ids.Length, maxTokens));
    }

    private void AssignRows(IReadOnlyList<TokenPair> batch)
    {
        rowOfToken.Clear();
        tokens.Clear();
        var texts = 2 * batch.Count;
        if (rowsOfText.Length < texts)
        {
            rowsOfText = new int[texts][];
        }

        for (var t = 0; t < texts; t++)
        {
            var text = TextOf(batch, t);
            var rows = new int[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                if (!rowOfToken.TryGetValue(text[i], out var row))
                {
                    row = tokens.Count;
                    rowOfToken.Add(text[i], row);
                    tokens.Add(text[i]);
                }

                rows[i] = row;
            }

            rowsOfText[t] = rows;
        }
    }
}
