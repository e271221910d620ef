using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Answers;
using Assistant.Storage.Catalog;

namespace Assistant.Api.Tests.Chat;

/// <summary>An act that is no longer in force may match a question word for word and still never be a source.</summary>
public sealed class RepealedActTests : IClassFixture<TestCatalog>, IDisposable
{
    private const string RepealedLaw = """
        О порядке выдачи разрешений на выпас пчёл
        Утративший силу
        Закон Республики Казахстан от 1 июля 2001 года № 1-II.
        Статья 1. Разрешение на выпас пчёл
        1. Разрешение на выпас пчёл выдаёт акимат района сроком на один год.
        """;

    private readonly ApiHost _host;

    public RepealedActTests(TestCatalog catalog)
    {
        var path = catalog.Copy();
        using (var copy = LegalCatalog.Open(path))
        {
            var act = AdiletTextParser.Parse(RepealedLaw, "Z010000001_", Language.Ru);
            Assert.Equal(ActStatus.Repealed, act.Status);
            copy.SaveAct(act);
        }

        _host = new ApiHost(path, new Dictionary<string, string?> { ["Llm:ModelPath"] = string.Empty });
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_repealed_act_is_never_a_source_of_an_answer()
    {
        using var client = _host.ClientAs(AccessRole.Deputy);

        using var response = await ChatTests.PostChatAsync(client, "Кто выдаёт разрешение на выпас пчёл?", stream: false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var sources = json.RootElement.GetProperty("sources").GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("normId").GetString()).ToList();
        Assert.DoesNotContain(sources, id => id!.StartsWith("Z010000001_", StringComparison.Ordinal));
        Assert.DoesNotContain("Z010000001_", json.RootElement.GetProperty("answer").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_model_the_sources_say_the_question_was_searched_as_asked()
    {
        using var client = _host.ClientAs(AccessRole.Deputy);

        using var response = await ChatTests.PostChatAsync(client, "Кто выдаёт разрешение на выпас пчёл?", stream: false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var sources = json.RootElement.GetProperty("sources");
        Assert.Equal(0, sources.GetProperty("rewrites").GetArrayLength());
        Assert.Equal(QuestionRewriter.NoModel, sources.GetProperty("rewriteSkipped").GetString());
    }

    [Fact]
    public async Task Search_finds_the_repealed_act_only_when_asked_to()
    {
        using var client = _host.CreateClient();

        var inForce = await SearchAsync(client, """{"query":"выпас пчёл"}""");
        var all = await SearchAsync(client, """{"query":"выпас пчёл","includeRepealed":true}""");

        Assert.DoesNotContain("Z010000001_/art:1", inForce);
        Assert.Contains("Z010000001_/art:1", all);
    }

    private static async Task<List<string?>> SearchAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync(new Uri("/v1/search", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("normId").GetString())];
    }
}
