namespace Assistant.Core.Access;

/// <summary>Who issues the API's tokens, for whom, and how far clocks may disagree (section "Auth").</summary>
public sealed class AccessTokenOptions
{
    public const string Section = "Auth";

    public const int MaxClockSkewSeconds = 300;

    public const string Rules = "Auth:Issuer and Auth:Audience must not be blank, and Auth:ClockSkewSeconds must be 0 to 300.";

    /// <summary>The iss claim tokens are written with and must carry.</summary>
    public string Issuer { get; set; } = "raglegal";

    /// <summary>The aud claim tokens are written with and must include.</summary>
    public string Audience { get; set; } = "raglegal-api";

    /// <summary>How far the issuer's clock may disagree with ours when exp and nbf are checked.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Whether these settings follow <see cref="Rules"/>.</summary>
    public bool IsValid =>
        !string.IsNullOrWhiteSpace(Issuer) && !string.IsNullOrWhiteSpace(Audience) && ClockSkewSeconds is >= 0 and <= MaxClockSkewSeconds;
}
