namespace Assistant.Api.Security;

/// <summary>
/// A token bucket: a burst of <see cref="TokenLimit"/> requests, then <see cref="TokensPerPeriod"/> more every
/// <see cref="PeriodSeconds"/>; a section such as RateLimits:Chat:Deputy.
/// </summary>
internal sealed class TokenBucket
{
    /// <summary>The bucket's size: how many requests may come at once after a quiet spell.</summary>
    public int TokenLimit { get; set; }

    /// <summary>Requests added back to the bucket each period: the sustained rate.</summary>
    public int TokensPerPeriod { get; set; }

    public int PeriodSeconds { get; set; } = 60;

    public bool IsValid => TokenLimit > 0 && TokensPerPeriod > 0 && PeriodSeconds > 0;
}
