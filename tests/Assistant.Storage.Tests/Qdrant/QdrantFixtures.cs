using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>Request and response bodies hand-written from Qdrant's REST reference (OpenAPI 1.13), in Fixtures/.</summary>
internal static class QdrantFixtures
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Qdrant", "Fixtures", name + ".json"));

    /// <summary>Compares as JSON trees: property order and whitespace do not matter, numbers compare by value.</summary>
    public static void AssertBody(string fixture, string? actual)
    {
        Assert.NotNull(actual);
        var expectedNode = JsonNode.Parse(Read(fixture));
        var actualNode = JsonNode.Parse(actual);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actualNode),
            $"Body differs from {fixture}.json.\nExpected:\n{expectedNode?.ToJsonString(Indented)}\nActual:\n{actualNode?.ToJsonString(Indented)}");
    }
}
