using System.Text.Encodings.Web;
using System.Text.Json;

namespace Assistant.Inference.Reranking;

internal static class RerankerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
