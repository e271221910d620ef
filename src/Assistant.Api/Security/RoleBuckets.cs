using Assistant.Core.Access;

namespace Assistant.Api.Security;

/// <summary>
/// A signed-in user's token bucket for one kind of costly request, by role: sections RateLimits:Chat:&lt;Role&gt; and
/// RateLimits:Forecasts:&lt;Role&gt; (Deputy, Expert, Moderator, Admin).
/// </summary>
internal sealed class RoleBuckets
{
    /// <summary>Chat turns: POST /v1/chat and /v1/chat/completions, each a retrieval, a model's answer and an audit row.</summary>
    public const string Chat = "Chat";

    /// <summary>Forecast jobs: POST /v1/drafts/{id}/forecasts (experts and admins).</summary>
    public const string Forecasts = "Forecasts";

    public TokenBucket Deputy { get; set; } = new();

    public TokenBucket Expert { get; set; } = new();

    public TokenBucket Moderator { get; set; } = new();

    public TokenBucket Admin { get; set; } = new();

    public TokenBucket For(AccessRole role) => role switch
    {
        AccessRole.Expert => Expert,
        AccessRole.Moderator => Moderator,
        AccessRole.Admin => Admin,
        _ => Deputy,
    };

    public static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        // A deputy asks, reads, asks again: a burst of 10, then one every 15 s (4 a minute, refilled evenly, not once a
        // minute) leave a person unhindered and a script slow.
        Add(services, configuration, Chat, Refill(10, 1, 15), Refill(20, 2, 15), Refill(10, 1, 15), Refill(30, 3, 15));

        // A forecast reads the whole catalog and may run the model; deputies and moderators may not submit one at all.
        Add(services, configuration, Forecasts, Refill(2, 1, 60), Refill(5, 1, 60), Refill(2, 1, 60), Refill(10, 2, 60));
    }

    // Each options instance gets buckets of its own to bind into: a reload must not bind over the defaults themselves.
    private static void Add(IServiceCollection services, IConfiguration configuration, string name, TokenBucket deputy, TokenBucket expert, TokenBucket moderator, TokenBucket admin) =>
        services.AddOptions<RoleBuckets>(name)
            .Configure(buckets =>
            {
                buckets.Deputy = Copy(deputy);
                buckets.Expert = Copy(expert);
                buckets.Moderator = Copy(moderator);
                buckets.Admin = Copy(admin);
            })
            .Bind(configuration.GetSection($"RateLimits:{name}"))
            .Validate(
                buckets => AccessRoles.All.All(role => buckets.For(role).IsValid),
                $"RateLimits:{name}: TokenLimit, TokensPerPeriod and PeriodSeconds of every role must be positive.")
            .ValidateOnStart();

    private static TokenBucket Copy(TokenBucket bucket) => Refill(bucket.TokenLimit, bucket.TokensPerPeriod, bucket.PeriodSeconds);

    private static TokenBucket Refill(int tokenLimit, int tokensPerPeriod, int periodSeconds) =>
        new() { TokenLimit = tokenLimit, TokensPerPeriod = tokensPerPeriod, PeriodSeconds = periodSeconds };
}
