namespace Assistant.Storage.Qdrant;

/// <summary>Where the Qdrant index lives and how it talks to it (configuration section "Vectors:Qdrant").</summary>
public sealed record QdrantOptions
{
    private const int RestPort = 6333;

    /// <summary>Qdrant's gRPC endpoint (port 6334; the REST API on 6333 is not used).</summary>
    public Uri Url { get; init; } = new("http://localhost:6334");

    public string Collection { get; init; } = "raglegal_norms";

    /// <summary>Sent as the api-key metadata of every call when set.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Deadline of one attempt of one call; an attempt that runs out is retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Points per upsert or delete call.</summary>
    public int UpsertBatchSize { get; init; } = 256;

    /// <summary>Points per scroll page when listing.</summary>
    public int PageSize { get; init; } = 1024;

    /// <summary>
    /// Retries after a failed attempt (unavailable, deadline exceeded, resource exhausted, aborted, internal);
    /// refusals of the request itself (invalid argument, not found, …) are not retried.
    /// </summary>
    public int RetryCount { get; init; } = 3;

    /// <summary>Mean delay before the first retry; later ones double it, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Candidates each side (dense, sparse) brings to fusion; null: max(50, 4 × top).</summary>
    public int? FusionDepth { get; init; }

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Vectors:Qdrant:Url '{Url}' is not an absolute http(s) address.", nameof(Url));
        }

        // gRPC method paths are absolute: a path prefix would be dropped, not kept.
        if (Url.AbsolutePath != "/" || Url.Query.Length > 0)
        {
            throw new ArgumentException($"Vectors:Qdrant:Url '{Url}' must be the gRPC endpoint alone, without a path.", nameof(Url));
        }

        // A setting carried over from the REST client would fail later with an obscure HTTP/2 error.
        if (Url.Port == RestPort)
        {
            throw new ArgumentException(
                $"Vectors:Qdrant:Url '{Url}' names port {RestPort}, Qdrant's REST API; this client speaks gRPC, by default on port 6334.",
                nameof(Url));
        }

        // Qdrant puts the name in its storage paths; keep to characters that need no escaping anywhere.
        if (string.IsNullOrEmpty(Collection) || Collection.Length > 255
            || !Collection.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new ArgumentException($"Vectors:Qdrant:Collection '{Collection}' must be 1-255 ASCII letters, digits, '_', '-' or '.'.", nameof(Collection));
        }

        Require(Timeout > TimeSpan.Zero, nameof(Timeout), Timeout);
        Require(UpsertBatchSize > 0, nameof(UpsertBatchSize), UpsertBatchSize);
        Require(PageSize > 0, nameof(PageSize), PageSize);
        Require(RetryCount >= 0, nameof(RetryCount), RetryCount);
        Require(RetryDelay >= TimeSpan.Zero, nameof(RetryDelay), RetryDelay);
        Require(FusionDepth is null or > 0, nameof(FusionDepth), FusionDepth);
    }

    /// <summary>How many candidates each side of a fused search brings for <paramref name="top"/> results.</summary>
    /// <remarks>Never fewer than top: fusion only reorders what the prefetches found.</remarks>
    public int DepthFor(int top) => Math.Max(top, FusionDepth ?? Math.Max(50, 4 * top));

    private static void Require(bool valid, string name, object? value)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Vectors:Qdrant:{name} is out of range.");
        }
    }
}
