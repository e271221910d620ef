using System.Diagnostics;
using Assistant.Core.Vectors;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Retrieval;

/// <summary>
/// Ranks norms for a question in any <see cref="RetrievalMode"/>: the caller's lexical candidates, the vector index's
/// nearest norms to the question's embedding, or both fused. Without vectors only lexical ranking is possible.
/// </summary>
public sealed class NormRanking
{
    private readonly IVectorIndex? _vectors;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly Func<string, SparseVector?>? _sparseQuery;

    /// <param name="sparseQuery">For stores that keep a sparse side (Qdrant): the question's sparse vector.</param>
    public NormRanking(
        FusionOptions options,
        IVectorIndex? vectors = null,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null,
        Func<string, SparseVector?>? sparseQuery = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if ((vectors is null) != (embedder is null))
        {
            throw new ArgumentException("Dense ranking needs both a vector index and an embedding generator.", nameof(embedder));
        }

        Options = options;
        _vectors = vectors;
        _embedder = embedder;
        _sparseQuery = sparseQuery;
    }

    public FusionOptions Options { get; }

    public bool HasVectors => _vectors is not null;

    /// <summary>Hybrid when there are vectors, lexical otherwise.</summary>
    public RetrievalMode DefaultMode => HasVectors ? RetrievalMode.Hybrid : RetrievalMode.Lexical;

    /// <param name="lexical">Lexical candidates for a depth, best first (norms the question names first).</param>
    /// <exception cref="InvalidOperationException">A dense or hybrid ranking was asked for without vectors.</exception>
    public async Task<RankingResult> RankAsync(
        string question,
        Func<int, IReadOnlyList<LexicalCandidate>> lexical,
        VectorFilter filter,
        RetrievalMode mode,
        int top,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (mode != RetrievalMode.Lexical && !HasVectors)
        {
            throw new InvalidOperationException($"{mode.ToCode()} retrieval needs a vector index: run 'indexer embed' and configure Vectors.");
        }

        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<LexicalCandidate> lexicalCandidates = mode == RetrievalMode.Dense
            ? []
            : lexical(mode == RetrievalMode.Lexical ? top : Math.Max(top, Options.LexicalDepth));
        var lexicalDone = Stopwatch.GetTimestamp();
        IReadOnlyList<VectorHit> denseHits = mode == RetrievalMode.Lexical
            ? []
            : await DenseAsync(question, filter, mode == RetrievalMode.Dense ? top : Math.Max(top, Options.DenseDepth), cancellationToken).ConfigureAwait(false);
        var denseDone = Stopwatch.GetTimestamp();

        var ranked = mode switch
        {
            RetrievalMode.Lexical => [.. lexicalCandidates.Take(top).Select((c, i) => new RankedNorm(c.NormId, c.Language, 1.0 / (Options.RrfK + i + 1), i + 1, null, c.NamedInQuery))],
            RetrievalMode.Dense => [.. denseHits.Take(top).Select((hit, i) => new RankedNorm(hit.Key.NormId, hit.Key.Language, hit.Score, null, i + 1, false))],
            _ => ReciprocalRankFusion.Fuse(lexicalCandidates, denseHits, Options.RrfK, top, Options.LexicalWeight, Options.DenseWeight),
        };
        return new RankingResult(
            mode,
            ranked,
            Stopwatch.GetElapsedTime(started, lexicalDone),
            Stopwatch.GetElapsedTime(lexicalDone, denseDone));
    }

    private async Task<IReadOnlyList<VectorHit>> DenseAsync(string question, VectorFilter filter, int depth, CancellationToken cancellationToken)
    {
        var embedding = await _embedder!.GenerateAsync([question], EmbeddingPurpose.Query.Options(), cancellationToken).ConfigureAwait(false);
        var query = new VectorQuery(embedding[0].Vector, depth, filter, _sparseQuery?.Invoke(question));
        return await _vectors!.SearchAsync(query, cancellationToken).ConfigureAwait(false);
    }
}

/// <param name="Lexical">Time spent finding the lexical candidates.</param>
/// <param name="Dense">Time spent embedding the question and searching the vectors.</param>
public sealed record RankingResult(RetrievalMode Mode, IReadOnlyList<RankedNorm> Norms, TimeSpan Lexical, TimeSpan Dense);
