using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Assistant.Core.Access;

/// <summary>
/// The JWS compact serialisation (RFC 7515) with HS256 only: header.payload.signature in base64url. The header is
/// checked before the signature so that "alg":"none" and algorithm swaps are refused by name, never verified.
/// </summary>
internal static class CompactJws
{
    public const string Algorithm = "HS256";

    /// <summary>Ours are about 250 characters; anything near this is not ours and is not worth decoding.</summary>
    private const int MaxTokenLength = 4096;

    private static readonly string EncodedHeader = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 8 };

    public static string Sign(ReadOnlySpan<byte> payloadJson, SigningKey key)
    {
        var signingInput = $"{EncodedHeader}.{Base64Url.EncodeToString(payloadJson)}";
        return $"{signingInput}.{Base64Url.EncodeToString(Mac(signingInput, key))}";
    }

    /// <summary>Checks the header and signature, then lets <paramref name="readPayload"/> judge the claims.</summary>
    public static AccessTokenResult Open(string? token, SigningKey key, Func<JsonElement, AccessTokenResult> readPayload)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return Refused(AccessTokenFailure.Malformed, "the token is empty");
        }

        if (token.Length > MaxTokenLength)
        {
            return Refused(AccessTokenFailure.Malformed, $"the token is {token.Length} characters long; at most {MaxTokenLength} are accepted");
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return Refused(AccessTokenFailure.Malformed, $"the token has {parts.Length} dot-separated parts; a signed JWT has 3");
        }

        using var header = ParseObject(parts[0]);
        if (header is null)
        {
            return Refused(AccessTokenFailure.Malformed, "the token's header is not base64url-encoded JSON");
        }

        if (AlgorithmRefusal(header.RootElement) is { } refusal)
        {
            return refusal;
        }

        if (!SignatureMatches(parts, key))
        {
            return Refused(AccessTokenFailure.Signature, "the token's signature does not match: it was altered or signed with another key");
        }

        using var payload = ParseObject(parts[1]);
        return payload is null
            ? Refused(AccessTokenFailure.Malformed, "the token's payload is not base64url-encoded JSON")
            : readPayload(payload.RootElement);
    }

    private static AccessTokenResult? AlgorithmRefusal(JsonElement header)
    {
        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
        {
            return Refused(AccessTokenFailure.Algorithm, $"the token's header names no algorithm; only {Algorithm} is accepted");
        }

        if (alg.ValueEquals(Algorithm))
        {
            return null;
        }

        var name = alg.GetString();
        return string.Equals(name, "none", StringComparison.OrdinalIgnoreCase)
            ? Refused(AccessTokenFailure.Algorithm, $"the token is unsigned (alg \"{TokenClaims.Echo(name)}\"); only {Algorithm} is accepted")
            : Refused(AccessTokenFailure.Algorithm, $"the token is signed with {TokenClaims.Echo(name)}; only {Algorithm} is accepted");
    }

    private static bool SignatureMatches(string[] parts, SigningKey key)
    {
        var signature = Decode(parts[2]);
        return signature is not null
            && CryptographicOperations.FixedTimeEquals(Mac($"{parts[0]}.{parts[1]}", key), signature);
    }

    private static byte[] Mac(string signingInput, SigningKey key) => HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(signingInput));

    private static JsonDocument? ParseObject(string part)
    {
        if (Decode(part) is not { } json)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(json, JsonOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string part) =>
        part.Length > 0 && Base64Url.IsValid(part) ? Base64Url.DecodeFromChars(part) : null;

    private static AccessTokenResult Refused(AccessTokenFailure failure, string reason) => AccessTokenResult.Refused(failure, reason);
}
