using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.OpenAi;

/// <summary>The OpenAI-compatible face on the wire: the stream's framing, the error shapes, the modes without a chat model.</summary>
public sealed class OpenAiProtocolTests : IClassFixture<TestVectors>, IDisposable
{
    private readonly OpenAiHost _extractive;

    private readonly TestVectors _vectors;

    public OpenAiProtocolTests(TestVectors vectors)
    {
        _vectors = vectors;
        _extractive = new OpenAiHost(vectors, withChatModel: false);
    }

    public void Dispose() => _extractive.Dispose();

    [SharedFact]
    public async Task The_stream_is_data_lines_only_ending_with_done()
    {
        using var client = _extractive.Api.ClientAs(AccessRole.Deputy);

        using var response = await PostAsync(client, "/v1/chat/completions", """{"model":"raglegal","stream":true,"messages":[{"role":"user","content":"Какое наказание за кражу?"}]}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("data: ", line, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", lines[^1]);
        var chunks = lines[..^1].Select(line => JsonDocument.Parse(line["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var final = chunks[^1].GetProperty("choices")[0];
        Assert.Equal("stop", final.GetProperty("finish_reason").GetString());
        Assert.Equal("extract", final.GetProperty("delta").GetProperty("raglegal").GetProperty("mode").GetString());
    }

    [SharedFact]
    public async Task Without_a_chat_model_answers_are_extracts_not_labelled_as_ai_and_no_raw_model_is_listed()
    {
        using var client = _extractive.Api.ClientAs(AccessRole.Deputy);

        using var models = await client.GetFromJsonAsync<JsonDocument>(new Uri("/v1/models", UriKind.Relative));
        using var response = await PostAsync(client, "/v1/chat/completions", """{"model":"raglegal","messages":[{"role":"user","content":[{"type":"text","text":"Какое наказание за кражу?"}]}]}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(["raglegal", "test-hashed-32"], models!.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var message = json.RootElement.GetProperty("choices")[0].GetProperty("message");
        var grounding = message.GetProperty("raglegal");
        Assert.Equal("extract", grounding.GetProperty("mode").GetString());
        Assert.False(grounding.GetProperty("ai_generated").GetBoolean());
        Assert.Equal(message.GetProperty("content").GetString(), grounding.GetProperty("answer").GetString());
        Assert.NotEmpty(grounding.GetProperty("citations").EnumerateArray());
    }

    [SharedFact]
    public async Task A_question_with_no_basis_is_an_abstention_in_the_text_and_the_mode()
    {
        using var client = _extractive.Api.ClientAs(AccessRole.Deputy);

        using var response = await PostAsync(client, "/v1/chat/completions", """{"model":"raglegal","messages":[{"role":"user","content":"Какая погода будет на Марсе послезавтра?"}]}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var message = json.RootElement.GetProperty("choices")[0].GetProperty("message");
        Assert.StartsWith("В проиндексированных нормах права нет основания", message.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("abstention", message.GetProperty("raglegal").GetProperty("mode").GetString());
        Assert.Empty(message.GetProperty("raglegal").GetProperty("citations").EnumerateArray());
    }

    [SharedTheory]
    [InlineData("""{"model":"raglegal","messages":[""", "invalid_request_error", "invalid_json", null)]
    [InlineData("""{"messages":[{"role":"user","content":"кража"}]}""", "invalid_request_error", null, "model")]
    [InlineData("""{"model":"raglegal","messages":[]}""", "invalid_request_error", null, "messages")]
    [InlineData("""{"model":"raglegal","messages":[{"role":"tool","content":"x"}]}""", "invalid_request_error", null, "messages[0].role")]
    [InlineData("""{"model":"raglegal","temperature":3,"messages":[{"role":"user","content":"кража"}]}""", "invalid_request_error", null, "temperature")]
    [InlineData("""{"model":"raglegal","response_format":{"type":"json_object"},"messages":[{"role":"user","content":"кража"}]}""", "invalid_request_error", null, "response_format")]
    [InlineData("""{"model":"raglegal","raglegal":{"lang":"en"},"messages":[{"role":"user","content":"кража"}]}""", "invalid_request_error", null, "lang")]
    public async Task A_bad_completion_request_is_a_400_in_openais_error_shape_naming_the_parameter(string body, string type, string? code, string? param)
    {
        using var client = _extractive.Api.ClientAs(AccessRole.Deputy);

        using var response = await PostAsync(client, "/v1/chat/completions", body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, error.GetProperty("code").GetString());
        }

        if (param is not null)
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }
    }

    [SharedFact]
    public async Task A_completion_is_audited_and_its_conversation_continues_by_id()
    {
        using var deputy = _extractive.Api.ClientAs(AccessRole.Deputy, "deputy.one");
        using var admin = _extractive.Api.ClientAs(AccessRole.Admin, "admin");

        using var first = await PostJsonAsync(deputy, "/v1/chat/completions", """{"model":"raglegal","messages":[{"role":"user","content":"Какое наказание за кражу?"}]}""");
        var conversation = first.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("raglegal").GetProperty("conversation_id").GetString();
        var followUp = $$"""{"model":"raglegal","raglegal":{"conversation_id":"{{conversation}}"},"messages":[{"role":"user","content":"а если повторно?"}]}""";
        using var next = await PostJsonAsync(deputy, "/v1/chat/completions", followUp);
        using var stranger = _extractive.Api.ClientAs(AccessRole.Deputy, "deputy.two");
        using var refused = await PostAsync(stranger, "/v1/chat/completions", followUp);
        var audit = await admin.GetStringAsync(new Uri("/v1/audit", UriKind.Relative));

        Assert.Equal(conversation, next.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("raglegal").GetProperty("conversation_id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var entries = audit.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("entry"))
            .Where(e => e.GetProperty("conversationId").GetString() == conversation)
            .ToList();
        Assert.Equal(["Какое наказание за кражу?", "а если повторно?"], entries.Select(e => e.GetProperty("question").GetString()));
        Assert.All(entries, e => Assert.Equal("deputy.one", e.GetProperty("user").GetString()));
    }

    [SharedFact]
    public async Task Without_a_token_the_models_are_refused_with_openais_error_shape()
    {
        using var client = _extractive.Api.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/models", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication_error", json.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [SharedFact]
    public async Task Past_the_users_rate_limit_a_request_is_a_429_in_openais_error_shape_with_retry_after()
    {
        using var limited = new OpenAiHost(_vectors, withChatModel: false, new Dictionary<string, string?>
        {
            ["RateLimits:User:PermitLimit"] = "1",
            ["RateLimits:User:WindowSeconds"] = "600",
        });
        using var client = limited.Api.ClientAs(AccessRole.Deputy);

        using var first = await client.GetAsync(new Uri("/v1/models", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/v1/models", UriKind.Relative));
        using var json = JsonDocument.Parse(await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal("rate_limit_exceeded", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [SharedFact]
    public async Task Base64_embeddings_are_the_float_embeddings_little_endian()
    {
        using var client = _extractive.Api.ClientAs(AccessRole.Expert);

        using var floats = await PostJsonAsync(client, "/v1/embeddings", """{"model":"test-hashed-32","input":["кража имущества"]}""");
        using var base64 = await PostJsonAsync(client, "/v1/embeddings", """{"model":"test-hashed-32","input":"кража имущества","encoding_format":"base64"}""");

        var expected = floats.RootElement.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var bytes = Convert.FromBase64String(base64.RootElement.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        var decoded = Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4)).ToArray();
        Assert.Equal(expected, decoded);
        Assert.True(floats.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt64() > 0);
    }

    [SharedTheory]
    [InlineData("""{"model":"text-embedding-3-small","input":"кража"}""", HttpStatusCode.NotFound, "model")]
    [InlineData("""{"model":"test-hashed-32","input":[1,2,3]}""", HttpStatusCode.BadRequest, "input")]
    [InlineData("""{"model":"test-hashed-32","input":""}""", HttpStatusCode.BadRequest, "input")]
    [InlineData("""{"model":"test-hashed-32","input":"кража","dimensions":1536}""", HttpStatusCode.BadRequest, "dimensions")]
    [InlineData("""{"model":"test-hashed-32","input":"кража","encoding_format":"int8"}""", HttpStatusCode.BadRequest, "encoding_format")]
    public async Task A_bad_embedding_request_names_the_parameter(string body, HttpStatusCode status, string param)
    {
        using var client = _extractive.Api.ClientAs(AccessRole.Expert);

        using var response = await PostAsync(client, "/v1/embeddings", body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(param, json.RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<JsonDocument> PostJsonAsync(HttpClient client, string path, string body)
    {
        using var response = await PostAsync(client, path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
