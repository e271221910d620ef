using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Assistant.Inference.Llama.Grammars;

/// <summary>
/// Converts a JSON schema into a GBNF grammar for llama.cpp, so that sampled output is always JSON of that
/// schema. Supports type (object, array, string, number, integer, boolean, null, and lists of types), properties
/// with required (required properties in declared order; optional ones may follow), items, enum, const,
/// anyOf/oneOf, minItems/maxItems and maxLength. Anything else becomes an unconstrained JSON value.
/// </summary>
public sealed class JsonSchemaGrammar
{
    /// <summary>A grammar for any JSON value (object at the top), used for JSON output without a schema.</summary>
    public const string AnyJson = "root ::= object\n" + ValueRules;

    /// <summary>Any JSON value: what both grammars end with.</summary>
    private const string ValueRules = """
        value ::= object | array | string | number | ("true" | "false" | "null")
        object ::= "{" ws ( string ":" ws value ws ( "," ws string ":" ws value ws )* )? "}"
        array ::= "[" ws ( value ws ( "," ws value ws )* )? "]"
        string ::= "\"" char* "\""
        char ::= [^"\\\x7F\x00-\x1F] | "\\" (["\\/bfnrt] | "u" [0-9a-fA-F]{4})
        number ::= integer ("." [0-9]{1,16})? ([eE] [-+]? [0-9]{1,3})?
        integer ::= "-"? ([0-9] | [1-9] [0-9]{0,15})
        ws ::= [ ]?

        """;

    private readonly StringBuilder rules = new();
    private readonly Dictionary<string, string> named = new(StringComparer.Ordinal);
    private int next;

    private JsonSchemaGrammar()
    {
    }

    /// <summary>Builds the grammar whose root rule matches exactly the JSON documents of <paramref name="schema"/>.</summary>
    /// <exception cref="NotSupportedException">The schema uses $ref, which is not resolved.</exception>
    public static string FromSchema(JsonElement schema)
    {
        var grammar = new JsonSchemaGrammar();
        var root = grammar.Rule(schema);
        grammar.rules.Insert(0, $"root ::= {root}\n");
        grammar.rules.Append(ValueRules).Append("boolean ::= \"true\" | \"false\"\nnull ::= \"null\"\n");
        return grammar.rules.ToString();
    }

    private string Rule(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.True || schema.ValueKind != JsonValueKind.Object)
        {
            return "value";
        }

        if (schema.TryGetProperty("$ref", out _))
        {
            throw new NotSupportedException("JSON schemas with $ref are not supported for grammar-constrained output.");
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return Literal(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            return Define("(" + string.Join(" | ", values.EnumerateArray().Select(v => Literal(v.GetRawText()))) + ")");
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var alternatives) && alternatives.ValueKind == JsonValueKind.Array)
            {
                return Define("(" + string.Join(" | ", alternatives.EnumerateArray().Select(Rule)) + ")");
            }
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? ObjectRule(schema) : "value";
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            return Define("(" + string.Join(" | ", type.EnumerateArray().Select(t => TypeRule(t.GetString(), schema))) + ")");
        }

        return TypeRule(type.GetString(), schema);
    }

    private string TypeRule(string? type, JsonElement schema) => type switch
    {
        "object" => ObjectRule(schema),
        "array" => ArrayRule(schema),
        "string" => StringRule(schema),
        "integer" => "integer",
        "number" => "number",
        "boolean" => "boolean",
        "null" => "null",
        _ => "value",
    };

    private string ObjectRule(JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return "object";
        }

        var required = schema.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(item => item.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        var members = properties.EnumerateObject()
            .Select(property => (Required: required.Contains(property.Name),
                Text: Literal(JsonSerializer.Serialize(property.Name)) + " \":\" ws " + Rule(property.Value)))
            .ToList();

        // Required members come first in declared order; each optional one may follow once, in order.
        var body = new StringBuilder("\"{\" ws ");
        var first = true;
        foreach (var member in members.Where(m => m.Required))
        {
            body.Append(first ? string.Empty : "\",\" ws ").Append(member.Text).Append(" ws ");
            first = false;
        }

        foreach (var member in members.Where(m => !m.Required))
        {
            body.Append("( ").Append(first ? string.Empty : "\",\" ws ").Append(member.Text).Append(" ws )? ");
        }

        return Define(body.Append("\"}\"").ToString());
    }

    private string ArrayRule(JsonElement schema)
    {
        var item = schema.TryGetProperty("items", out var items) ? Rule(items) : "value";
        var min = Count(schema, "minItems") ?? 0;
        var max = Count(schema, "maxItems");
        string body;
        if (max == 0)
        {
            body = "\"[\" ws \"]\"";
        }
        else
        {
            var restMin = Math.Max(0, min - 1);
            var rest = max is { } limit
                ? $"( \",\" ws {item} ws ){{{restMin},{limit - 1}}}"
                : $"( \",\" ws {item} ws ){{{restMin},}}";
            var elements = $"{item} ws {rest}";
            body = min > 0 ? $"\"[\" ws {elements} \"]\"" : $"\"[\" ws ( {elements} )? \"]\"";
        }

        return Define(body);
    }

    private string StringRule(JsonElement schema)
    {
        var min = Count(schema, "minLength") ?? 0;
        var max = Count(schema, "maxLength");
        if (min == 0 && max is null)
        {
            return "string";
        }

        return Define(max is { } limit ? $"\"\\\"\" char{{{min},{limit}}} \"\\\"\"" : $"\"\\\"\" char{{{min},}} \"\\\"\"");
    }

    private static int? Count(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.TryGetInt32(out var count) ? Math.Max(0, count) : null;

    private string Define(string body)
    {
        if (named.TryGetValue(body, out var existing))
        {
            return existing;
        }

        var name = "r" + (next++).ToString(CultureInfo.InvariantCulture);
        named[body] = name;
        rules.Append(name).Append(" ::= ").Append(body).Append('\n');
        return name;
    }

    // A GBNF string literal matching the given text exactly.
    private static string Literal(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
