namespace Assistant.Api.Security;

/// <summary>How many requests a caller may make per window: sections RateLimits:Public, :User, :Questions and :Comments.</summary>
internal sealed class RateLimitWindow
{
    public const string Public = "Public";

    public const string User = "User";

    public const string Questions = "Questions";

    public const string Comments = "Comments";

    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        Add(services, configuration, Public, permitLimit: 60);
        Add(services, configuration, User, permitLimit: 600);
        Add(services, configuration, Questions, permitLimit: 10);
        Add(services, configuration, Comments, permitLimit: 10);
    }

    private static void Add(IServiceCollection services, IConfiguration configuration, string name, int permitLimit) =>
        services.AddOptions<RateLimitWindow>(name)
            .Configure(window => window.PermitLimit = permitLimit)
            .Bind(configuration.GetSection($"RateLimits:{name}"))
            .Validate(window => window.PermitLimit > 0 && window.WindowSeconds > 0, $"RateLimits:{name}: PermitLimit and WindowSeconds must be positive.")
            .ValidateOnStart();
}
