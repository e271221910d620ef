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
        var context = rejected.HttpContext;
        var seconds = RetryAfter(context, rejected.Lease, window.WindowSeconds);
        return Problems.Write(
            context,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"At most {window.PermitLimit} {what} per {window.WindowSeconds} s are allowed for {who}; retry in {seconds} s.");
    }

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
