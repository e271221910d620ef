using System.Security.Cryptography;
using Assistant.Core.Access;

namespace Assistant.Core.Tests.Access;

public class SigningKeyTests
{
    [Fact]
    public void Base64_key_of_32_random_bytes_is_accepted()
    {
        Assert.NotNull(SigningKey.Parse(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    }

    [Fact]
    public void Raw_text_key_of_32_bytes_is_accepted()
    {
        Assert.NotNull(SigningKey.Parse("Parliament-of-Kazakhstan/2025/q7"));
    }

    [Fact]
    public async Task Surrounding_whitespace_of_a_configured_key_does_not_change_it()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var token = AccessToken.Issue(SigningKey.Parse($"  {key}\n"), "admin1", AccessRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        Assert.True((await TokenCheck.ValidateAsync(token, SigningKey.Parse(key))).IsValid);
    }

    [Theory]
    [InlineData("short", 5)]
    [InlineData("c2l4dGVlbiBieXRlcyBrZXk=", 24)]
    [InlineData("Қазақстан-2025", 23)]
    public void Key_shorter_than_32_bytes_is_refused_with_its_length(string configured, int bytes)
    {
        var error = Assert.Throws<FormatException>(() => SigningKey.Parse(configured));

        Assert.StartsWith($"The signing key is {bytes} bytes; HS256 needs at least 32.", error.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("change-me")]
    [InlineData("CHANGE_ME-change_me-change_me-change_me")]
    [InlineData("your-secret-key-goes-here-0123456789")]
    [InlineData("replace me with a real signing key of 32+ bytes")]
    public void Placeholder_key_is_refused_however_it_is_padded(string configured)
    {
        var error = Assert.Throws<FormatException>(() => SigningKey.Parse(configured));

        Assert.Contains("placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_of_one_repeated_character_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => SigningKey.Parse(new string('k', 64)));

        Assert.Contains("one character repeated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64_key_of_one_repeated_byte_is_refused()
    {
        Assert.Throws<FormatException>(() => SigningKey.Parse(Convert.ToBase64String(new byte[32])));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Missing_key_is_refused_as_empty(string? configured)
    {
        var error = Assert.Throws<FormatException>(() => SigningKey.Parse(configured));

        Assert.StartsWith("The signing key is empty.", error.Message, StringComparison.Ordinal);
    }
}
