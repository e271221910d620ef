using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Discussion;

/// <summary>
/// Topic names with a chat model loaded: the tiny stories260K model proves the plumbing (a name comes back, marked
/// with the model that wrote it, and is kept); what a real model would name is unmeasured here.
/// </summary>
public sealed class TopicNamingTests : IClassFixture<TestCatalog>, IDisposable
{
    private readonly DiscussionSetup _setup;

    public TopicNamingTests(TestCatalog catalog) => _setup = new DiscussionSetup(catalog, new Dictionary<string, string?>
    {
        ["Llm:ModelPath"] = SharedData.IsAvailable ? SharedData.Path("models", "stories260K.gguf") : string.Empty,
        ["Llm:Parallel"] = "1",
        ["Llm:ContextSize"] = "2048",
        ["Llm:Threads"] = "1",
        ["Discussion:NamedTopics"] = "1",
    });

    public void Dispose() => _setup.Dispose();

    [SharedFact]
    public async Task With_a_model_loaded_a_topic_is_named_once_and_the_model_is_reported()
    {
        var id = await _setup.DraftAsync();
        await _setup.PublishCommentAsync(await _setup.CommentAsync(id, "Категорически против увеличения срока расследования, пострадавшие ждут выплат.", article: "1", visitorId: "visitor-0001"));
        await _setup.PublishCommentAsync(await _setup.CommentAsync(id, "Против! Срок расследования нельзя увеличивать, выплаты пострадавшим задержатся.", article: "1", visitorId: "visitor-0002"));
        using var deputy = _setup.As(AccessRole.Deputy);

        var first = await deputy.GetFromJsonAsync<JsonElement>(new Uri($"/v1/drafts/{id}/discussion", UriKind.Relative));
        var again = await deputy.GetFromJsonAsync<JsonElement>(new Uri($"/v1/drafts/{id}/discussion", UriKind.Relative));

        Assert.Equal("stories260K.gguf", first.GetProperty("topicModel").GetString());
        var named = first.GetProperty("topics").EnumerateArray().Single(t => t.TryGetProperty("name", out _));
        Assert.NotEmpty(named.GetProperty("name").GetString()!);
        Assert.Equal(named.GetProperty("name").GetString(), again.GetProperty("topics").EnumerateArray().Single(t => t.TryGetProperty("name", out _)).GetProperty("name").GetString());
    }
}
