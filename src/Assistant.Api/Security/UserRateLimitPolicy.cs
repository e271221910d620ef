using System.Security.Claims;
using System.Threading.RateLimiting;
using Assistant.Api.Hosting;
using Assistant.Core.Access;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Security;

/// <summary>
/// A token bucket per signed-in user for requests that cost the server a model's time or a catalog-wide job: one
/// token makes one request, the bucket's size and refill come from the user's role. One user draining theirs
/// leaves everyone else's untouched. A refusal is 429 with Retry-After, as the public limits answer.
/// </summary>
internal abstract class UserRateLimitPolicy(IOptionsMonitor<RoleBuckets> buckets, string limitName, string what) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Reject;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var (role, bucket) = Caller(httpContext);
        // Keyed by role too, so that a user whose role changed gets the new role's bucket, not the one made for the old.
        return RateLimitPartition.GetTokenBucketLimiter($"{role.ToClaim()}:{httpContext.User.Identity?.Name}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.TokenLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(bucket.PeriodSeconds),
            QueueLimit = 0,
        });
    }

    // The endpoints these guard require a role, so authorization has refused anyone without one before this runs;
    // an unknown role would get a deputy's bucket, the smallest.
    private (AccessRole Role, TokenBucket Bucket) Caller(HttpContext context)
    {
        var role = AccessRoles.TryParse(context.User.FindFirstValue(ClaimTypes.Role), out var held) ? held : AccessRole.Deputy;
        return (role, buckets.Get(limitName).For(role));
    }

    private static ProblemText Each(AccessRole role) => role switch
    {
        AccessRole.Expert => "each expert",
        AccessRole.Admin => "each admin",
        AccessRole.Moderator => "each moderator",
        _ => "each deputy",
    };

    private async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var (role, bucket) = Caller(rejected.HttpContext);
        await RateLimitRejection.WriteAsync(rejected, bucket, Each(role), what);
    }
}

/// <summary>Chat turns per user (RateLimits:Chat:&lt;Role&gt;): /v1/chat and /v1/chat/completions.</summary>
internal sealed class ChatRateLimitPolicy(IOptionsMonitor<RoleBuckets> buckets) : UserRateLimitPolicy(buckets, RoleBuckets.Chat, "chat requests")
{
    public const string Name = "user-chat";
}

/// <summary>Forecast jobs per user (RateLimits:Forecasts:&lt;Role&gt;).</summary>
internal sealed class ForecastRateLimitPolicy(IOptionsMonitor<RoleBuckets> buckets) : UserRateLimitPolicy(buckets, RoleBuckets.Forecasts, "forecasts")
{
    public const string Name = "user-forecasts";
}
