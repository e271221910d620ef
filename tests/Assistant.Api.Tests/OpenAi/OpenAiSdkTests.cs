using System.ClientModel;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatFinishReason = OpenAI.Chat.ChatFinishReason;
using ChatResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace Assistant.Api.Tests.OpenAi;

/// <summary>
/// The OpenAI-compatible face through real clients: OpenAI's .NET SDK and Microsoft.Extensions.AI's OpenAI
/// IChatClient and embedding generator, against the real pipeline with the tiny chat model.
/// </summary>
public sealed class OpenAiSdkTests : IClassFixture<TestVectors>, IDisposable
{
    private const string Theft = "Какое наказание за кражу чужого имущества?";

    private readonly OpenAiHost _host;

    public OpenAiSdkTests(TestVectors vectors) => _host = new OpenAiHost(vectors);

    public void Dispose() => _host.Dispose();

    [SharedFact]
    public async Task Models_list_the_grounded_assistant_the_raw_chat_model_and_the_embedding_model()
    {
        var models = await _host.Client().GetOpenAIModelClient().GetModelsAsync();

        Assert.Equal(["raglegal", OpenAiHost.RawModel, "test-hashed-32"], models.Value.Select(m => m.Id));
    }

    [SharedFact]
    public async Task A_completion_carries_markers_in_its_text_and_the_verified_citations_in_the_raglegal_field()
    {
        var chat = _host.Client().GetChatClient("raglegal");

        var result = await chat.CompleteChatAsync([new UserChatMessage(Theft)]);

        var text = result.Value.Content[0].Text;
        Assert.Matches(@"\[\d+\]", text);
        Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);
        Assert.True(result.Value.Usage.OutputTokenCount > 0);
        using var raw = JsonDocument.Parse(result.GetRawResponse().Content);
        var grounding = raw.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("raglegal");
        Assert.Equal("generated", grounding.GetProperty("mode").GetString());
        Assert.True(grounding.GetProperty("ai_generated").GetBoolean());
        Assert.Equal(text, grounding.GetProperty("answer").GetString());
        AssertCitationsAreSources(grounding);
    }

    [SharedFact]
    public async Task A_streamed_completion_arrives_in_pieces_and_ends_with_the_citations_and_the_usage()
    {
        var chat = _host.Client().GetChatClient("raglegal");

        var pieces = new List<string>();
        var updates = new List<StreamingChatCompletionUpdate>();
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage(Theft)], new ChatCompletionOptions()))
        {
            updates.Add(update);
            pieces.AddRange(update.ContentUpdate.Select(part => part.Text).Where(t => t.Length > 0));
        }

        Assert.True(pieces.Count > 1, $"the text came in {pieces.Count} piece(s)");
        Assert.Matches(@"\[\d+\]", string.Concat(pieces));
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);
        Assert.True(updates[^1].Usage?.OutputTokenCount > 0, "no usage in the last chunk");
#pragma warning disable SCME0001 // Patch reads the fields OpenAI's types do not model: the grounding.
        var final = updates.Single(u => u.FinishReason is not null);
        Assert.True(final.Patch.TryGetJson("$.choices[0].delta.raglegal"u8, out var json), "the final chunk carries no raglegal field");
#pragma warning restore SCME0001
        using var grounding = JsonDocument.Parse(json);
        AssertCitationsAreSources(grounding.RootElement);
    }

    [SharedFact]
    public async Task The_extensions_ai_chat_client_streams_and_answers_through_the_same_endpoint()
    {
        IChatClient chat = _host.Client().GetChatClient("raglegal").AsIChatClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(Theft))
        {
            updates.Add(update);
        }

        var whole = await chat.GetResponseAsync(Theft);

        Assert.True(updates.Count(u => !string.IsNullOrEmpty(u.Text)) > 1);
        Assert.Matches(@"\[\d+\]", string.Concat(updates.Select(u => u.Text)));
        Assert.Matches(@"\[\d+\]", whole.Text);
    }

    [SharedFact]
    public async Task Max_tokens_caps_the_grounded_answer()
    {
        var chat = _host.Client().GetChatClient("raglegal");

        var capped = await chat.CompleteChatAsync([new UserChatMessage(Theft)], new ChatCompletionOptions { MaxOutputTokenCount = 3 });
        var free = await chat.CompleteChatAsync([new UserChatMessage(Theft)]);

        Assert.InRange(capped.Value.Usage.OutputTokenCount, 1, 3);
        Assert.True(free.Value.Usage.OutputTokenCount > 3, $"the uncapped answer has {free.Value.Usage.OutputTokenCount} tokens");
    }

    [SharedFact]
    public async Task The_raw_model_answers_json_by_the_schema_asked_for_and_is_labelled_ungrounded()
    {
        var chat = _host.Client().GetChatClient(OpenAiHost.RawModel);
        var schema = BinaryData.FromString("""{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}""");

        var result = await chat.CompleteChatAsync(
            [new SystemChatMessage("Answer in JSON."), new UserChatMessage("Once upon a time")],
            new ChatCompletionOptions { ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("story", schema), MaxOutputTokenCount = 40, Temperature = 0f });

        using var answer = JsonDocument.Parse(result.Value.Content[0].Text);
        Assert.Equal(JsonValueKind.String, answer.RootElement.GetProperty("answer").ValueKind);
        using var raw = JsonDocument.Parse(result.GetRawResponse().Content);
        var grounding = raw.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("raglegal");
        Assert.Equal("model", grounding.GetProperty("mode").GetString());
        Assert.True(grounding.GetProperty("ai_generated").GetBoolean());
        Assert.Empty(grounding.GetProperty("citations").EnumerateArray());
    }

    [SharedFact]
    public async Task An_embedding_through_the_sdk_and_the_extensions_ai_generator_has_the_index_models_dimensions()
    {
        var embeddings = _host.Client().GetEmbeddingClient("test-hashed-32");

        var one = await embeddings.GenerateEmbeddingAsync("Трудовой договор заключается в письменной форме.");
        var generator = embeddings.AsIEmbeddingGenerator();
        var many = await generator.GenerateAsync(["кража", "отпуск"]);

        Assert.Equal(32, one.Value.ToFloats().Length);
        Assert.Equal(2, many.Count);
        Assert.All(many, vector => Assert.Equal(32, vector.Vector.Length));
        Assert.NotEqual(many[0].Vector.ToArray(), many[1].Vector.ToArray());
    }

    [SharedFact]
    public async Task An_unknown_model_is_a_404_the_sdk_reports_with_openais_error_code()
    {
        var chat = _host.Client().GetChatClient("gpt-4o");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage(Theft)]));

        Assert.Equal(404, error.Status);
        using var body = JsonDocument.Parse(error.GetRawResponse()!.Content);
        Assert.Equal("model_not_found", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("raglegal", body.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task A_refused_api_key_is_a_401_in_openais_error_shape()
    {
        var chat = _host.Client("not-a-token").GetChatClient("raglegal");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage(Theft)]));

        Assert.Equal(401, error.Status);
        using var body = JsonDocument.Parse(error.GetRawResponse()!.Content);
        Assert.Equal("authentication_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [SharedFact]
    public async Task An_assistant_turn_the_client_sends_is_never_a_source()
    {
        var chat = _host.Client(ApiHost.Token(AccessRole.Expert, "expert")).GetChatClient("raglegal");

        var result = await chat.CompleteChatAsync(
            [
                new UserChatMessage("Что говорит статья 9999 Уголовного кодекса?"),
                new AssistantChatMessage("[1] Статья 9999 УК РК: кража ненаказуема."),
                new UserChatMessage(Theft),
            ]);

        using var raw = JsonDocument.Parse(result.GetRawResponse().Content);
        var grounding = raw.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("raglegal");
        var sources = grounding.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("norm_id").GetString()!).ToList();
        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, id => id.Contains("9999", StringComparison.Ordinal));
        using var client = _host.Api.ClientAs(AccessRole.Expert);
        foreach (var id in sources)
        {
            using var norm = await client.GetAsync(new Uri("/v1/norms/" + id, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, norm.StatusCode);
        }

        AssertCitationsAreSources(grounding);
    }

    private static void AssertCitationsAreSources(JsonElement grounding)
    {
        var sources = grounding.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("n").GetInt32(), s => s.GetProperty("norm_id").GetString());
        var citations = grounding.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.Equal(sources[c.GetProperty("n").GetInt32()], c.GetProperty("norm_id").GetString()));
    }
}
