using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Security;

/// <summary>
/// The "public" limit: anonymous callers share a window per client address, signed-in users get their own, larger
/// one by name. A refusal is 429 with Retry-After and a problem saying when to come back.
/// </summary>
internal sealed class PublicRateLimitPolicy(IOptionsMonitor<RateLimitWindow> windows) : IRateLimiterPolicy<string>
{
    public const string Name = "public";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Reject;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var (key, window) = Caller(httpContext);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = TimeSpan.FromSeconds(window.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private (string Key, RateLimitWindow Window) Caller(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? ($"user:{name}", windows.Get(RateLimitWindow.User))
            : ($"address:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}", windows.Get(RateLimitWindow.Public));

    private async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var (key, window) = Caller(rejected.HttpContext);
        var who = key.StartsWith("user:", StringComparison.Ordinal) ? "each user" : "each anonymous client address";
        await RateLimitRejection.WriteAsync(rejected, window, who);
    }
}
