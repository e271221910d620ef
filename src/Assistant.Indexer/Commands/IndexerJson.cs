using System.Text.Encodings.Web;
using System.Text.Json;

namespace Assistant.Indexer.Commands;

internal static class IndexerJson
{
    /// <summary>Cyrillic printed as is, not as \u escapes, so the output stays readable.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
