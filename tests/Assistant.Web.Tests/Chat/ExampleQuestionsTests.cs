extern alias api;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Assistant.Core.Access;
using Assistant.Core.Adilet;
using Assistant.Storage.Catalog;
using Assistant.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ApiProgram = api::Program;

namespace Assistant.Web.Tests.Chat;

/// <summary>
/// The questions the chat page suggests are answered from the acts run.sh ingests (samples/), without a model or
/// vectors, as a newcomer's first run is: each cites the norm that answers it.
/// </summary>
public sealed class ExampleQuestionsTests(ExampleQuestionsTests.SamplesApi samples) : IClassFixture<ExampleQuestionsTests.SamplesApi>
{
    private static readonly Dictionary<(string Lang, string Key), string> Answers = new()
    {
        [("ru", "Chat.Example.1")] = "K1400000226/art:188",
        [("ru", "Chat.Example.2")] = "K1400000226/art:188",
        [("ru", "Chat.Example.3")] = "K1500000414/art:88",
        [("ru", "Chat.Example.4")] = "K1400000235/art:434",
        [("ru", "Chat.Example.5")] = "K2600000000/art:4",
        [("ru", "Chat.Example.6")] = "Z1600000480/art:10",
        [("kk", "Chat.Example.1")] = "K1500000414/art:88",
        [("kk", "Chat.Example.2")] = "K1400000226/art:188",
        [("kk", "Chat.Example.3")] = "K950001000_/art:7",
        [("kk", "Chat.Example.4")] = "K950001000_/art:10",
        [("kk", "Chat.Example.5")] = "K950001000_/art:9",
        [("kk", "Chat.Example.6")] = "K950001000_/art:33",
    };

    [Theory]
    [InlineData("ru", "Labels.resx")]
    [InlineData("kk", "Labels.kk.resx")]
    public async Task Every_example_question_the_chat_page_suggests_is_answered_from_the_sample_acts(string lang, string labels)
    {
        var examples = XDocument.Load(Path.Combine(RepositoryFolders.Repository, "src", "Assistant.Web", "Resources", labels)).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Question: (string)d.Element("value")!))
            .Where(d => d.Key.StartsWith("Chat.Example.", StringComparison.Ordinal))
            .ToList();
        using var client = samples.Deputy();

        var cited = new List<(string Question, string Mode, IReadOnlyList<string> Norms)>();
        foreach (var (_, question) in examples)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/v1/chat", UriKind.Relative), new { messages = new[] { new { role = "user", content = question } }, lang, stream = false });
            response.EnsureSuccessStatusCode();
            var answer = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer");
            cited.Add((question, answer.GetProperty("mode").GetString()!, [.. answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("normId").GetString()!)]));
        }

        Assert.Equal(Answers.Keys.Where(k => k.Lang == lang).Select(k => k.Key).Order(), examples.Select(e => e.Key).Order());
        Assert.All(
            examples.Zip(cited),
            pair => Assert.True(
                pair.Second.Mode != "abstention" && pair.Second.Norms.Contains(Answers[(lang, pair.First.Key)]),
                $"«{pair.First.Question}» was answered as {pair.Second.Mode} citing [{string.Join(", ", pair.Second.Norms)}], not {Answers[(lang, pair.First.Key)]}"));
    }

    /// <summary>The API in extract mode over a catalog of samples/, in this process.</summary>
    public sealed class SamplesApi : WebApplicationFactory<ApiProgram>
    {
        private const string SigningKey = "example-questions-signing-key-0123456789abcdefghijklmnop";

        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raglegal-samples-");

        public SamplesApi()
        {
            using var catalog = LegalCatalog.Open(Catalog);
            foreach (var file in Directory.GetFiles(RepositoryFolders.Samples, "*.txt"))
            {
                catalog.SaveAct(AdiletTextParser.ParseFile(file));
            }
        }

        private string Catalog => Path.Combine(_folder.FullName, "catalog.db");

        public HttpClient Deputy()
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer",
                AccessToken.Issue(Core.Access.SigningKey.Parse(SigningKey), "first.deputy", AccessRole.Deputy, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Catalog:Path", Catalog);
            builder.UseSetting("Auth:SigningKey", SigningKey);
            builder.UseSetting("Vectors:Store", "none");
            builder.UseSetting("RateLimits:Public:PermitLimit", "1000");
            // One deputy asks every example of both languages: more than a deputy's chat bucket holds.
            builder.UseSetting("RateLimits:Chat:Deputy:TokenLimit", "1000");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_folder.Exists)
            {
                _folder.Delete(recursive: true);
            }
        }
    }
}
