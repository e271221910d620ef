using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Core.Access;

/// <summary>
/// The HMAC-SHA256 key that signs and checks access tokens. Configured as base64 (what
/// <c>openssl rand -base64 32</c> prints) or as raw text; keys an attacker could guess are refused.
/// </summary>
public sealed class SigningKey
{
    /// <summary>RFC 7518 §3.2: an HS256 key must be at least as long as the hash.</summary>
    public const int MinimumBytes = 32;

    private const string Advice = "Generate one with `openssl rand -base64 32`.";

    // Compared against the key folded to lower-case letters and digits, so "Change-Me!" and "change_me" match too.
    private static readonly string[] Placeholders =
        ["changeme", "changethis", "replaceme", "placeholder", "yoursecret", "yourkey", "supersecret", "secretkey"];

    private SigningKey(byte[] bytes)
    {
        SecurityKey = new SymmetricSecurityKey(bytes);
    }

    internal SymmetricSecurityKey SecurityKey { get; }

    /// <summary>
    /// Reads a configured key: base64 when it decodes to at least <see cref="MinimumBytes"/> bytes, its UTF-8 bytes otherwise.
    /// </summary>
    /// <exception cref="FormatException">The key is empty, too short, a placeholder or one repeated character.</exception>
    public static SigningKey Parse(string? configured)
    {
        var text = configured?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new FormatException($"The signing key is empty. {Advice}");
        }

        if (FoldedPlaceholder(text) is { } placeholder)
        {
            throw new FormatException($"The signing key is a placeholder ('{placeholder}'), not a secret. {Advice}");
        }

        var key = DecodeBase64(text) ?? Encoding.UTF8.GetBytes(text);
        if (key.Length < MinimumBytes)
        {
            throw new FormatException($"The signing key is {key.Length} bytes; HS256 needs at least {MinimumBytes}. {Advice}");
        }

        if (IsOneRepeated(text.AsSpan()) || IsOneRepeated(key.AsSpan()))
        {
            throw new FormatException($"The signing key is one character repeated, which anyone could guess. {Advice}");
        }

        return new SigningKey(key);
    }

    private static string? FoldedPlaceholder(string text)
    {
        var folded = new string([.. text.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
        return Placeholders.FirstOrDefault(p => folded.Contains(p, StringComparison.Ordinal));
    }

    private static byte[]? DecodeBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= MinimumBytes ? buffer[..written] : null;
    }

    private static bool IsOneRepeated<T>(ReadOnlySpan<T> values)
        where T : IEquatable<T> => values.Length > 0 && !values.ContainsAnyExcept(values[0]);
}
