using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Assistant.Core.Tests.Access;

/// <summary>Builds tokens by hand, independently of the code under test, to try what an attacker could send.</summary>
internal static class ForgedToken
{
    public const string Header = """{"alg":"HS256","typ":"JWT"}""";

    public static string Sign(string header, string payload, byte[] key)
    {
        var input = $"{Encode(header)}.{Encode(payload)}";
        return $"{input}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(input)))}";
    }

    public static string Unsigned(string payload) => $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode(payload)}.";

    /// <summary>A payload like the issuer's, with times in Unix seconds.</summary>
    public static string Payload(long iat, long exp, string role = "expert", string aud = "\"raglegal-api\"", string iss = "raglegal") =>
        $$"""{"sub":"Асель","role":"{{role}}","iat":{{iat}},"exp":{{exp}},"iss":"{{iss}}","aud":{{aud}}}""";

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
