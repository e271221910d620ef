using System.Security.Cryptography;
using System.Text;
using Assistant.Core.Vectors;
using Assistant.Storage.Catalog;
using Microsoft.Extensions.AI;

namespace Assistant.Storage.Retrieval;

/// <summary>
/// Brings the vector index in line with the catalog's current norms: norms whose text (or model) changed since they
/// were embedded are embedded again, vectors of norms no longer in the catalog are removed, the rest is left alone.
/// Vectors are written chunk by chunk, so a run that stops half-way resumes where it stopped.
/// </summary>
public sealed class NormEmbedding(
    LegalCatalog catalog,
    IVectorIndex index,
    IEmbeddingGenerator<string, Embedding<float>> generator,
    VectorIndexShape shape,
    Func<EmbeddableNorm, SparseVector>? sparse = null)
{
    /// <summary>Norms embedded and written together: the work a stopped run can lose.</summary>
    public int ChunkSize { get; init; } = 2_048;

    public async Task<EmbedSummary> RunAsync(IProgress<EmbedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSize, 1);
        var started = TimeProvider.System.GetTimestamp();
        await index.EnsureAsync(shape, cancellationToken).ConfigureAwait(false);

        var stored = new Dictionary<VectorKey, string>();
        await foreach (var vector in index.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            stored[vector.Key] = vector.ContentHash;
        }

        var total = catalog.GetStats().Total.TopLevelNorms;
        var seen = new HashSet<VectorKey>();
        var chunk = new List<(EmbeddableNorm Norm, string Hash)>(ChunkSize);
        int scanned = 0, embedded = 0, unchanged = 0;
        long tokens = 0;
        foreach (var norm in catalog.ListEmbeddable())
        {
            cancellationToken.ThrowIfCancellationRequested();
            scanned++;
            seen.Add(norm.Key);
            var hash = ContentHash(shape.Model, norm.Text);
            if (stored.TryGetValue(norm.Key, out var storedHash) && storedHash == hash)
            {
                unchanged++;
            }
            else
            {
                chunk.Add((norm, hash));
            }

            if (chunk.Count >= ChunkSize)
            {
                tokens += await WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                embedded += chunk.Count;
                chunk.Clear();
            }

            progress?.Report(new EmbedProgress(scanned, total, embedded + chunk.Count, unchanged));
        }

        tokens += await WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        embedded += chunk.Count;

        var gone = stored.Keys.Where(key => !seen.Contains(key)).ToList();
        if (gone.Count > 0)
        {
            await index.DeleteAsync(gone, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new EmbedProgress(scanned, scanned, embedded, unchanged));
        return new EmbedSummary(scanned, embedded, unchanged, gone.Count, tokens, TimeProvider.System.GetElapsedTime(started));
    }

    /// <summary>Hash of what a vector depends on: the model and the text embedded.</summary>
    public static string ContentHash(string model, string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(model + "\n" + text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private async Task<long> WriteAsync(List<(EmbeddableNorm Norm, string Hash)> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return 0;
        }

        var embeddings = await generator
            .GenerateAsync(chunk.Select(item => item.Norm.Text), EmbeddingPurpose.Passage.Options(), cancellationToken)
            .ConfigureAwait(false);
        if (embeddings.Count != chunk.Count)
        {
            throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {chunk.Count} norms.");
        }

        var points = new VectorPoint[chunk.Count];
        for (var i = 0; i < chunk.Count; i++)
        {
            var (norm, hash) = chunk[i];
            var vector = embeddings[i].Vector;
            if (vector.Length != shape.Dimensions)
            {
                throw new InvalidOperationException($"The model gave {vector.Length} dimensions for {norm.Key}; the index holds {shape.Dimensions}.");
            }

            var payload = new VectorPayload(norm.ActId, norm.Kind, norm.ActStatus, norm.NormStatus, hash, norm.Edition);
            points[i] = new VectorPoint(norm.Key, payload, vector, sparse?.Invoke(norm));
        }

        await index.UpsertAsync(points, cancellationToken).ConfigureAwait(false);
        return embeddings.Usage?.InputTokenCount ?? 0;
    }
}

/// <param name="Embedded">Norms embedded so far, or waiting in the current chunk.</param>
public sealed record EmbedProgress(int Scanned, int Total, int Embedded, int Unchanged);

/// <param name="Deleted">Vectors of norms no longer in the catalog.</param>
public sealed record EmbedSummary(int Scanned, int Embedded, int Unchanged, int Deleted, long Tokens, TimeSpan Elapsed);
