using Assistant.Core.Access;

namespace Assistant.Api.Security;

/// <summary>Auth:SigningKey as read at start-up: a key, or none, when the API serves only its public endpoints.</summary>
internal sealed class ConfiguredSigningKey(SigningKey? key)
{
    public SigningKey? Key { get; } = key;

    /// <exception cref="InvalidOperationException">The key is set but weak: the API must not start with it.</exception>
    public static ConfiguredSigningKey Read(IConfiguration configuration, ILogger logger)
    {
        var configured = configuration["Auth:SigningKey"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning(
                "Auth:SigningKey is not set (RAGLEGAL_Auth__SigningKey): the API serves public endpoints, but every endpoint that needs a token answers 401");
            return new ConfiguredSigningKey(null);
        }

        try
        {
            return new ConfiguredSigningKey(SigningKey.Parse(configured));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Auth:SigningKey is refused: {e.Message}", e);
        }
    }
}
