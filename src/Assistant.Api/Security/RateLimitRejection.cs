using System.Globalization;
using System.Threading.RateLimiting;
using Assistant.Api.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Assistant.Api.Security;

/// <summary>A refused request: 429 with Retry-After and a problem saying what the limit is and when to come back.</summary>
internal static class RateLimitRejection
{
    public static Task WriteAsync(OnRejectedContext rejected, RateLimitWindow window, string who, string what = "requests") =>
        WriteAsync(rejected, $"At most {window.PermitLimit} {what} per {window.WindowSeconds} s are allowed for {who}", window.WindowSeconds);

    /// <summary>Writes the problem: <paramref name="limit"/> says the limit, then when to retry.</summary>
    public static Task WriteAsync(OnRejectedContext rejected, string limit, int fallbackSeconds)
    {
        var context = rejected.HttpContext;
        var seconds = RetryAfter(context, rejected.Lease, fallbackSeconds);
        return Problems.Write(context, StatusCodes.Status429TooManyRequests, "Too many requests", $"{limit}; retry in {seconds} s.");
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
