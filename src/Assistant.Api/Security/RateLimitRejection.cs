using System.Globalization;
using System.Threading.RateLimiting;
using Assistant.Api.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Assistant.Api.Security;

/// <summary>A refused request: 429 with Retry-After and a problem saying what the limit is and when to come back.</summary>
internal static class RateLimitRejection
{
    /// <param name="who">Whom the limit counts, a phrase said in the caller's language ("each user").</param>
    /// <param name="what">What it counts; requests when null.</param>
    public static Task WriteAsync(OnRejectedContext rejected, RateLimitWindow window, ProblemText who, ProblemText? what = null)
    {
        what ??= "requests";
        var seconds = RetryAfter(rejected.HttpContext, rejected.Lease, window.WindowSeconds);
        return Refuse(rejected.HttpContext, $"At most {window.PermitLimit} {what} per {window.WindowSeconds} s are allowed for {who}; retry in {seconds} s.");
    }

    /// <summary>A refusal by a token bucket: its burst, its refill and when the next token comes.</summary>
    public static Task WriteAsync(OnRejectedContext rejected, TokenBucket bucket, ProblemText who, ProblemText what)
    {
        var seconds = RetryAfter(rejected.HttpContext, rejected.Lease, bucket.PeriodSeconds);
        return Refuse(rejected.HttpContext, $"At most {bucket.TokenLimit} {what} at once, then {bucket.TokensPerPeriod} per {bucket.PeriodSeconds} s, are allowed for {who}; retry in {seconds} s.");
    }

    private static Task Refuse(HttpContext context, ProblemText detail) =>
        Problems.Write(context, StatusCodes.Status429TooManyRequests, "Too many requests", detail);

    /// <summary>When the refused caller may come back, in whole seconds (the window's length when the limiter does not say), also set as Retry-After.</summary>
    public static int RetryAfter(HttpContext context, RateLimitLease lease, int windowSeconds)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : windowSeconds;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
