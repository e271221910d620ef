using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Chat;
using Assistant.Api.Tests.Hosting;
using Assistant.Api.Tests.Security;
using Assistant.Core.Access;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Chat;

/// <summary>
/// The model's queue seen from HTTP, with the tiny stories260K model, one slot and no room to wait: the test holds
/// the slot itself, so the queue is full for as long as it says, whatever the model's speed.
/// </summary>
public sealed class BusyModelTests : IClassFixture<TestCatalog>, IDisposable
{
    private const string Question = "Какое наказание за кражу чужого имущества?";

    private readonly ApiHost _host;

    public BusyModelTests(TestCatalog catalog)
    {
        _host = new ApiHost(catalog.Copy(), new Dictionary<string, string?>
        {
            ["Llm:ModelPath"] = SharedData.IsAvailable ? SharedData.Path("models", "stories260K.gguf") : string.Empty,
            ["Llm:Parallel"] = "1",
            ["Llm:QueueLength"] = "0",
            ["Llm:RetryAfterSeconds"] = "7",
            ["Llm:ContextSize"] = "4096",
            ["Llm:Threads"] = "1",
            ["Answers:Sources"] = "2",
            ["Answers:MaxSourceCharacters"] = "200",
            ["Answers:MaxAnswerTokens"] = "16",
        });
    }

    public void Dispose() => _host.Dispose();

    [SharedTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_full_model_queue_answers_503_with_retry_after_before_any_stream_begins(bool stream)
    {
        using var client = _host.ClientAs(AccessRole.Deputy);
        using (var held = await Queue().EnterAsync(CancellationToken.None))
        {
            Assert.True(held.Entered);
            using var busy = await ChatTests.PostChatAsync(client, Question, stream);

            var detail = await ProblemResponse.DetailAsync(busy, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(7), busy.Headers.RetryAfter?.Delta);
            Assert.Contains("try again in 7 s", detail, StringComparison.Ordinal);
        }

        using var served = await ChatTests.PostChatAsync(client, Question, stream);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [SharedFact]
    public async Task A_full_model_queue_is_openais_overloaded_error_with_retry_after()
    {
        using var client = _host.ClientAs(AccessRole.Deputy);
        using var held = await Queue().EnterAsync(CancellationToken.None);

        using var busy = await client.PostAsJsonAsync(
            new Uri("/v1/chat/completions", UriKind.Relative),
            new { model = "raglegal", stream = true, messages = new[] { new { role = "user", content = Question } } });
        using var error = JsonDocument.Parse(await busy.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), busy.Headers.RetryAfter?.Delta);
        Assert.Equal("overloaded", error.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [SharedFact]
    public async Task A_finished_turn_gives_its_slot_back()
    {
        using var client = _host.ClientAs(AccessRole.Deputy);

        using var first = await ChatTests.PostChatAsync(client, Question);
        await SseReader.ReadAllAsync(first);
        using var second = await ChatTests.PostChatAsync(client, Question, stream: false);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(0, Queue().Waiting);
    }

    private ModelQueue Queue() => _host.Services.GetRequiredService<ModelQueue>();
}
