using System.Globalization;
using Assistant.Inference.Llama.Gguf;

namespace Assistant.Inference.Embeddings;

/// <summary>
/// The embedded default model, until one trained on the corpus exists: a <see cref="StaticEmbeddingModel"/> built
/// deterministically from a SentencePiece unigram vocabulary, with no learned weights (none can be downloaded here).
/// Each piece's vector is the sum of seeded pseudo-random vectors of its character 3- to 5-grams and of the piece itself,
/// so pieces that share a stem (Russian and Kazakh inflect heavily) point the same way; each piece's weight is the smooth
/// inverse of its unigram probability, a/(a + e^score), so frequent pieces (punctuation, particles) count for little.
/// Control, unknown and unused pieces weigh 0. It captures shared word forms, not meaning; its value is a working
/// dense path at the real vocabulary and shape.
/// </summary>
public static class HashedVocabularyModel
{
    public const int DefaultDimensions = 256;

    public const ulong DefaultSeed = 0x5241474C4547414CUL;

    /// <summary>The a of a/(a + p): pieces rarer than this probability keep most of their weight.</summary>
    public const double SmoothingProbability = 1e-4;

    private const int Normal = 1;
    private const int UserDefined = 4;
    private const int Byte = 6;
    private const int MinGram = 3;
    private const int MaxGram = 5;

    /// <summary>Reads pieces, scores and token types from a GGUF vocabulary (e.g. ggml-vocab-nomic-bert-moe.gguf).</summary>
    /// <exception cref="InvalidDataException">The file has no unigram vocabulary arrays.</exception>
    public static StaticEmbeddingModel FromGguf(string vocabularyPath, int dimensions = DefaultDimensions, ulong seed = DefaultSeed)
    {
        var metadata = GgufMetadata.Read(vocabularyPath);
        var pieces = metadata.GetStringArray("tokenizer.ggml.tokens")
            ?? throw new InvalidDataException($"'{vocabularyPath}' has no tokenizer.ggml.tokens.");
        var scores = metadata.GetFloat32Array("tokenizer.ggml.scores")
            ?? throw new InvalidDataException($"'{vocabularyPath}' has no tokenizer.ggml.scores.");
        var types = metadata.GetInt32Array("tokenizer.ggml.token_type") ?? Enumerable.Repeat(Normal, pieces.Length).ToArray();
        return Build(pieces, scores, types, dimensions, seed);
    }

    public static StaticEmbeddingModel Build(
        IReadOnlyList<string> pieces, IReadOnlyList<float> scores, IReadOnlyList<int> types, int dimensions, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (scores.Count != pieces.Count || types.Count != pieces.Count)
        {
            throw new ArgumentException($"{pieces.Count} pieces but {scores.Count} scores and {types.Count} token types.", nameof(scores));
        }

        var vectors = new float[(long)pieces.Count * dimensions];
        var weights = new float[pieces.Count];
        Parallel.For(0, pieces.Count, token =>
        {
            if (types[token] is not (Normal or UserDefined or Byte))
            {
                return;
            }

            weights[token] = (float)(SmoothingProbability / (SmoothingProbability + Math.Exp(scores[token])));
            FillVector(pieces[token], seed, vectors.AsSpan(token * dimensions, dimensions));
        });
        return new StaticEmbeddingModel(pieces.Count, dimensions, vectors, weights);
    }

    private static void FillVector(string piece, ulong seed, Span<float> vector)
    {
        // SentencePiece marks a word start with U+2581; "<" keeps that distinction inside the n-grams.
        var text = piece.StartsWith('\u2581')
            ? "<" + piece[1..].ToLower(CultureInfo.InvariantCulture)
            : piece.ToLower(CultureInfo.InvariantCulture);
        AddFeature(text, seed, vector);
        for (var n = MinGram; n <= MaxGram && n < text.Length; n++)
        {
            for (var start = 0; start + n <= text.Length; start++)
            {
                AddFeature(text.AsSpan(start, n), seed, vector);
            }
        }

        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(vector));
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    private static void AddFeature(ReadOnlySpan<char> feature, ulong seed, Span<float> vector)
    {
        // FNV-1a over the UTF-16 code units, then a SplitMix64 stream seeded by it: one fixed random vector per feature.
        var state = 14695981039346656037UL ^ seed;
        foreach (var unit in feature)
        {
            state = (state ^ unit) * 1099511628211UL;
        }

        for (var d = 0; d < vector.Length; d++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            vector[d] += ((z >> 40) * (1f / (1 << 23))) - 1f;
        }
    }
}
