using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Inference.Llama.Gguf;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Chat;

/// <summary>
/// A client that goes away mid-answer stops the generation: checked with a random-weight model with the Llama-3
/// vocabulary, which never ends on its own before its token limit.
/// </summary>
public sealed class ChatCancellationTests : IClassFixture<TestCatalog>, IDisposable
{
    private const int AnswerTokenLimit = 20_000;

    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("raglegal-api-model-");
    private readonly ApiHost? _host;

    public ChatCancellationTests(TestCatalog catalog)
    {
        if (!SharedData.IsAvailable)
        {
            return;
        }

        var model = Path.Combine(_models.FullName, "random-llama3.gguf");
        SyntheticLlamaModel.Write(model, new LlamaModelShape { Layers = 2, EmbeddingSize = 64, FeedForwardSize = 128, Heads = 4, KeyValueHeads = 2, ContextLength = 32_768 }, SharedData.Path("models", "ggml-vocab-llama-bpe.gguf"));
        _host = new ApiHost(catalog.Copy(), new Dictionary<string, string?>
        {
            ["Llm:ModelPath"] = model,
            ["Llm:Parallel"] = "1",
            ["Llm:ContextSize"] = "24576",
            ["Llm:Threads"] = "1",
            ["Answers:Sources"] = "2",
            ["Answers:MaxSourceCharacters"] = "200",
            ["Answers:MaxAnswerTokens"] = AnswerTokenLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public void Dispose()
    {
        _host?.Dispose();
        _models.Delete(recursive: true);
    }

    [SharedFact]
    public async Task A_client_that_disconnects_mid_answer_stops_its_generation()
    {
        using var client = _host!.ClientAs(AccessRole.Deputy);
        using var abandon = new CancellationTokenSource();
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/chat", UriKind.Relative))
        {
            Content = JsonContent.Create(new { messages = new[] { new { role = "user", content = "Какое наказание за кражу чужого имущества?" } } }),
        })
        using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, abandon.Token))
        {
            var deltas = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var item in SseReader.ReadAsync(response, abandon.Token))
                {
                    if (item.Type == "delta" && ++deltas == 3)
                    {
                        await abandon.CancelAsync();
                    }
                }
            });
        }

        var model = await WaitForIdleModelAsync(client);
        Assert.Equal(0, model.GetProperty("activeSequences").GetInt32());
        Assert.True(model.GetProperty("generatedTokens").GetInt64() < AnswerTokenLimit / 4, model.ToString());
    }

    private static async Task<JsonElement> WaitForIdleModelAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            var model = json.RootElement.GetProperty("model").Clone();
            if (model.GetProperty("activeSequences").GetInt32() == 0 || attempt == 50)
            {
                return model;
            }

            await Task.Delay(100);
        }
    }
}
