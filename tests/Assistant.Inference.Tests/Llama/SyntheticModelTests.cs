using System.Text.Json;
using Assistant.Inference.Llama;
using Assistant.Inference.Llama.Gguf;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;

namespace Assistant.Inference.Tests.Llama;

public sealed class SyntheticModelTests(SyntheticModelFixture synthetic) : IClassFixture<SyntheticModelFixture>
{
    [SharedFact]
    public void Written_model_loads_with_its_shape_and_the_llama3_vocabulary()
    {
        var model = synthetic.Model;

        Assert.Equal(128_256, model.VocabularySize);
        Assert.Equal(SyntheticModelFixture.Shape.ParameterCount(128_256), model.ParameterCount);
        Assert.Equal(1024, model.TrainingContextSize);
        Assert.Equal("Сәлем, әлем!", model.Detokenize(model.Tokenize("Сәлем, әлем!", addSpecial: false)));
    }

    [SharedFact]
    public void Llama3_chat_template_is_applied()
    {
        var prompt = synthetic.Model.ApplyChatTemplate([new("system", "Отвечай кратко."), new("user", "Сәлем!")]);

        Assert.Equal(
            "<|start_header_id|>system<|end_header_id|>\n\nОтвечай кратко.<|eot_id|>"
            + "<|start_header_id|>user<|end_header_id|>\n\nСәлем!<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n",
            prompt);
        var tokens = synthetic.Model.Tokenize(prompt, addSpecial: true, parseSpecial: true);
        Assert.Equal(128_000, tokens[0]); // <|begin_of_text|>
        Assert.Contains(128_009, tokens); // <|eot_id|> parsed as the special token
        Assert.True(synthetic.Model.IsEndOfGeneration(128_009));
    }

    [SharedFact]
    public async Task Grammar_constrained_answer_of_a_random_model_parses_as_json_of_the_schema()
    {
        using var engine = LlamaEngine.Create(synthetic.Model, new LlamaEngineOptions { ContextSize = 1024, Threads = 1 });
        using var client = new LlamaChatClient(engine);
        using var schema = JsonDocument.Parse("""
            {
              "type": "object",
              "properties": {
                "article": { "type": "integer" },
                "title": { "type": "string", "maxLength": 16 },
                "valid": { "type": "boolean" }
              },
              "required": ["article", "title", "valid"]
            }
            """);
        var options = new ChatOptions
        {
            Temperature = 0.8f,
            Seed = 3,
            MaxOutputTokens = 200,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement),
        };

        var response = await client.GetResponseAsync([new(ChatRole.User, "Статья 88?")], options);

        using var json = JsonDocument.Parse(response.Text);
        Assert.True(json.RootElement.GetProperty("article").TryGetInt64(out _));
        Assert.True(json.RootElement.GetProperty("title").GetString()!.Length <= 16);
        Assert.True(json.RootElement.GetProperty("valid").ValueKind is JsonValueKind.True or JsonValueKind.False);
    }

    [SharedFact]
    public async Task Quantized_model_loads_and_generates()
    {
        var quantized = Path.Combine(synthetic.Directory, "tiny-q8_0.gguf");
        LlamaQuantizer.Quantize(synthetic.Path, quantized, LlamaQuantization.Q8_0, threads: 1);

        using var model = LlamaModel.Load(new LlamaModelOptions { Path = quantized });
        using var engine = LlamaEngine.Create(model, new LlamaEngineOptions { ContextSize = 256, Threads = 1 });
        var generated = 0;
        await foreach (var update in engine.GenerateAsync(new LlamaGenerationRequest { Prompt = "Hello", Sampling = LlamaSamplingOptions.Greedy, MaxTokens = 8 }))
        {
            generated = update.GeneratedTokenCount;
        }

        Assert.True(model.SizeInBytes < synthetic.Model.SizeInBytes);
        Assert.InRange(generated, 1, 8);
    }
}
