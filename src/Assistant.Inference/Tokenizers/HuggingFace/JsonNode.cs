using System.Globalization;
using System.Text.Json;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>A JSON element with its path in the file ($.model.vocab[3]), so every error says where it is.</summary>
internal readonly record struct JsonNode(JsonElement Element, string Path)
{
    public bool IsNull => Element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public JsonNode Property(string name) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value)
            ? new JsonNode(value, $"{Path}.{name}")
            : new JsonNode(default, $"{Path}.{name}");

    public JsonNode Required(string name)
    {
        var property = Property(name);
        return property.IsNull ? throw Invalid(property.Path, "is missing") : property;
    }

    public string String() =>
        Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Invalid(Path, $"should be a string, not {Describe()}");

    public string? OptionalString() => IsNull ? null : String();

    public bool? OptionalBool() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw Invalid(Path, $"should be true or false, not {Describe()}"),
    };

    public int Int32() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value) && value >= 0
            ? value
            : throw Invalid(Path, $"should be a non-negative integer, not {Describe()}");

    public float Single() =>
        Element.ValueKind == JsonValueKind.Number
            ? Element.GetSingle()
            : throw Invalid(Path, $"should be a number, not {Describe()}");

    public IEnumerable<JsonNode> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(Path, $"should be an array, not {Describe()}");
        }

        var path = Path;
        return Element.EnumerateArray().Select((item, index) => new JsonNode(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]")));
    }

    public IEnumerable<(string Name, JsonNode Value)> Properties()
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(Path, $"should be an object, not {Describe()}");
        }

        var path = Path;
        return Element.EnumerateObject().Select(property => (property.Name, new JsonNode(property.Value, $"{path}[\"{property.Name}\"]")));
    }

    /// <summary>The component's "type", refused with its path and value when it is not one of <paramref name="supported"/>.</summary>
    public string Type(string component, params string[] supported)
    {
        var type = Required("type");
        var value = type.String();
        return supported.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Invalid(type.Path, $"= '{value}': this {component} is not supported (supported: {string.Join(", ", supported)})");
    }

    public InvalidDataException Unsupported(string what) => Invalid(Path, what);

    public static InvalidDataException Invalid(string path, string problem) => new($"tokenizer.json {path} {problem}.");

    private string Describe() => Element.ValueKind switch
    {
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.String => $"'{Element.GetString()}'",
        _ => Element.GetRawText() is { Length: <= 60 } raw ? raw : Element.ValueKind.ToString().ToLowerInvariant(),
    };
}
