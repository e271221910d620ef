using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Security;

/// <summary>
/// A limit per client address whoever is signed in: what the public writes into a discussion (questions asked of
/// a draft, comments) is limited per address, apart from the general "public" limit on reading.
/// </summary>
internal abstract class AddressRateLimitPolicy(IOptionsMonitor<RateLimitWindow> windows, string windowName, string what) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Reject;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var window = windows.Get(windowName);
        return RateLimitPartition.GetFixedWindowLimiter(Address(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = TimeSpan.FromSeconds(window.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken) =>
        await RateLimitRejection.WriteAsync(rejected, windows.Get(windowName), "each client address", what);
}

/// <summary>Questions about drafts under discussion, per address (RateLimits:Questions).</summary>
internal sealed class QuestionRateLimitPolicy(IOptionsMonitor<RateLimitWindow> windows) : AddressRateLimitPolicy(windows, RateLimitWindow.Questions, "questions")
{
    public const string Name = "public-questions";
}

/// <summary>Comments and supports on drafts under discussion, per address (RateLimits:Comments).</summary>
internal sealed class CommentRateLimitPolicy(IOptionsMonitor<RateLimitWindow> windows) : AddressRateLimitPolicy(windows, RateLimitWindow.Comments, "comments and supports")
{
    public const string Name = "public-comments";
}
