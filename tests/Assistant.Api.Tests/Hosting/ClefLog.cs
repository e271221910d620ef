using System.Text.Json;

namespace Assistant.Api.Tests.Hosting;

/// <summary>The events a host wrote to its CLEF log file (LogFile:Path), read once the host has stopped.</summary>
internal static class ClefLog
{
    public static List<JsonElement> Read(string folder) =>
        [.. Directory.GetFiles(folder, "*.clef")
            .SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>CLEF leaves the level out for Information.</summary>
    public static string Level(JsonElement e) => e.TryGetProperty("@l", out var level) ? level.GetString()! : "Information";

    public static bool HasException(JsonElement e) => e.TryGetProperty("@x", out _);

    public static string? Source(JsonElement e) => e.TryGetProperty("SourceContext", out var source) ? source.GetString() : null;
}
