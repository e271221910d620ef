namespace Assistant.Storage.Qdrant;

/// <summary>Where the Qdrant index lives and how it talks to it (configuration section "Vectors:Qdrant").</summary>
public sealed record QdrantOptions
{
    /// <summary>Base address of Qdrant's REST API.</summary>
    public Uri Url { get; init; } = new("http://localhost:6333");

    public string Collection { get; init; } = "raglegal_norms";

    /// <summary>Sent as the api-key header when set.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Limit of one attempt of one request; an attempt that runs out is retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Points per upsert or delete request.</summary>
    public int UpsertBatchSize { get; init; } = 256;

    /// <summary>Points per scroll page when listing.</summary>
    public int PageSize { get; init; } = 1024;

    /// <summary>Retries after a failed attempt (5xx, 429, timeout, connection failure); 4xx answers are not retried.</summary>
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
