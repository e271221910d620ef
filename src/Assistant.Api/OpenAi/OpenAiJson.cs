using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Api.OpenAi;

/// <summary>JSON as OpenAI's protocol speaks it: snake_case names, nulls left out, Cyrillic unescaped.</summary>
internal static class OpenAiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
