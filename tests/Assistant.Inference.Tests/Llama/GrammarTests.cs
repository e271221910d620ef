using System.Text.Json;
using Assistant.Inference.Llama;
using Assistant.Inference.Llama.Grammars;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;

namespace Assistant.Inference.Tests.Llama;

public sealed class GrammarTests(StoriesModelFixture stories) : IClassFixture<StoriesModelFixture>, IDisposable
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string", "maxLength": 24 },
            "age": { "type": "integer" },
            "mood": { "enum": ["happy", "sad"] },
            "tags": { "type": "array", "items": { "type": "string", "maxLength": 12 }, "maxItems": 3 },
            "friend": { "type": ["string", "null"], "maxLength": 12 },
            "nickname": { "type": "string", "maxLength": 8 }
          },
          "required": ["name", "age", "mood", "tags", "friend"]
        }
        """;

    private LlamaEngine? engine;

    public void Dispose() => engine?.Dispose();

    [SharedTheory]
    [InlineData(0f, 1u)]
    [InlineData(1.5f, 1u)]
    [InlineData(1.5f, 2u)]
    [InlineData(1.5f, 3u)]
    public async Task Response_format_schema_constrains_output_to_json_of_the_schema(float temperature, uint seed)
    {
        using var client = CreateClient();
        var options = new ChatOptions
        {
            Temperature = temperature,
            Seed = seed,
            MaxOutputTokens = 400,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(Schema).RootElement, "person"),
        };

        var response = await client.GetResponseAsync([new(ChatRole.User, "Describe a person.")], options);

        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        using var json = JsonDocument.Parse(response.Text);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.String, root.GetProperty("name").ValueKind);
        Assert.True(root.GetProperty("name").GetString()!.Length <= 24);
        Assert.True(root.GetProperty("age").TryGetInt64(out _));
        Assert.True(root.GetProperty("mood").GetString() is "happy" or "sad");
        Assert.InRange(root.GetProperty("tags").GetArrayLength(), 0, 3);
        Assert.True(root.GetProperty("friend").ValueKind is JsonValueKind.String or JsonValueKind.Null);
    }

    [SharedFact]
    public async Task Json_response_format_without_schema_gives_a_json_object()
    {
        using var client = CreateClient();
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = 300, ResponseFormat = ChatResponseFormat.Json };

        var response = await client.GetResponseAsync([new(ChatRole.User, "Hello")], options);

        if (response.FinishReason == ChatFinishReason.Stop)
        {
            using var json = JsonDocument.Parse(response.Text);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        }
        else
        {
            Assert.StartsWith("{", response.Text, StringComparison.Ordinal);
        }
    }

    [SharedFact]
    public async Task Invalid_grammar_is_a_clear_error()
    {
        engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 256, Threads = 1 });
        var request = new LlamaGenerationRequest
        {
            Prompt = "Once",
            Sampling = LlamaSamplingOptions.Greedy with { Grammar = "root ::= (" },
        };

        var error = await Assert.ThrowsAsync<LlamaException>(async () =>
        {
            await foreach (var update in engine.GenerateAsync(request))
            {
            }
        });

        Assert.Contains("grammar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_grammar_keeps_required_members_in_order_and_optional_ones_optional()
    {
        var grammar = JsonSchemaGrammar.FromSchema(JsonDocument.Parse(Schema).RootElement);

        Assert.StartsWith("root ::= r", grammar, StringComparison.Ordinal);
        Assert.Contains("\"\\\"name\\\"\" \":\" ws", grammar, StringComparison.Ordinal);
        Assert.Contains("( \",\" ws \"\\\"nickname\\\"\" \":\" ws", grammar, StringComparison.Ordinal);
        Assert.Contains("(\"\\\"happy\\\"\" | \"\\\"sad\\\"\")", grammar, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_with_ref_is_refused()
    {
        using var schema = JsonDocument.Parse("""{ "$ref": "#/definitions/x" }""");

        Assert.Throws<NotSupportedException>(() => JsonSchemaGrammar.FromSchema(schema.RootElement));
    }

    private LlamaChatClient CreateClient()
    {
        engine = LlamaEngine.Create(stories.Model, new LlamaEngineOptions { ContextSize = 1024, Threads = 1 });
        return new LlamaChatClient(engine);
    }
}
