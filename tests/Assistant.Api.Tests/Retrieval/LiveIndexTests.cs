using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Adilet;
using Assistant.Core.Vectors;
using Assistant.Inference.Embeddings;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;
using Assistant.Storage.Vectors;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Retrieval;

/// <summary>
/// The running API follows the indexer: norms embedded and acts saved after it started are searched without a
/// restart, and /health/ready names the generations it serves.
/// </summary>
public sealed class LiveIndexTests(TestVectors vectors) : IClassFixture<TestVectors>, IDisposable
{
    private const string NewAct = "Z2200000153";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raglegal-api-live-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [SharedFact]
    public async Task Vectors_embedded_and_acts_saved_after_start_up_are_searched_and_readiness_names_their_generations()
    {
        var catalogPath = Path.Combine(_folder.FullName, "catalog.db");
        File.Copy(vectors.CatalogPath, catalogPath);
        var vectorFolder = Path.Combine(_folder.FullName, "vectors");
        var settings = vectors.Settings();
        settings["Vectors:Path"] = vectorFolder;
        settings["Vectors:RefreshInterval"] = "00:00:00.100";
        settings["Catalog:RefreshInterval"] = "00:00:00.100";
        using var host = new ApiHost(catalogPath, settings);
        using var client = host.CreateClient();

        var started = await ReadyAsync(client);
        Assert.Equal("empty", started.GetProperty("vectors").GetProperty("state").GetString());
        Assert.Equal("lexical", started.GetProperty("vectors").GetProperty("mode").GetString());

        // What 'indexer embed' does, from this process: the host has the folder open read-only meanwhile.
        using var catalog = LegalCatalog.Open(catalogPath);
        using var index = EmbeddedVectorIndex.Open(new EmbeddedVectorIndexOptions { Folder = vectorFolder });
        using var generator = OnnxEmbeddingGenerator.Open(vectors.ModelFolder);
        var embedding = new NormEmbedding(catalog, index, generator, new VectorIndexShape(32, "test-hashed-32")) { ChunkSize = 500 };
        var first = await embedding.RunAsync(progress: null, CancellationToken.None);

        var embedded = await ReadyAsync(client, ready => ready.GetProperty("vectors").GetProperty("generation").GetInt64() == index.Generation);
        Assert.Equal("ready", embedded.GetProperty("vectors").GetProperty("state").GetString());
        Assert.Equal("hybrid", embedded.GetProperty("vectors").GetProperty("mode").GetString());
        Assert.Equal(first.Embedded, embedded.GetProperty("vectors").GetProperty("count").GetInt64());
        Assert.Equal(index.SegmentCount, embedded.GetProperty("vectors").GetProperty("segments").GetInt32());
        Assert.NotEmpty(await DenseHitsAsync(client, "кража чужого имущества", act: null));

        catalog.SaveAct(AdiletTextParser.ParseFile(SharedData.Path("corpus", "adilet", "ru", $"{NewAct}.ru.txt")));
        var second = await embedding.RunAsync(progress: null, CancellationToken.None);

        // No lexical search runs meanwhile: the in-memory lexical index catches up with the catalog on its own.
        var grown = await ReadyAsync(client, ready =>
            ready.GetProperty("vectors").GetProperty("generation").GetInt64() == index.Generation
            && ready.GetProperty("catalog").GetProperty("generation").GetInt64() == catalog.Generation
            && ready.GetProperty("lexicalIndex").GetProperty("generation").GetInt64() == catalog.Generation);
        Assert.Equal("memory", grown.GetProperty("lexicalIndex").GetProperty("rankingIn").GetString());
        Assert.True(second.Embedded > 0);
        Assert.Equal(first.Embedded + second.Embedded, grown.GetProperty("vectors").GetProperty("count").GetInt64());
        Assert.True(grown.GetProperty("catalog").GetProperty("generation").GetInt64() > started.GetProperty("catalog").GetProperty("generation").GetInt64());
        var hits = await DenseHitsAsync(client, "закон", NewAct);
        Assert.NotEmpty(hits);
        Assert.All(hits, id => Assert.StartsWith(NewAct + "/", id, StringComparison.Ordinal));
    }

    /// <summary>/health/ready once it satisfies the condition; the host refreshes every 100 ms, so a minute is ample.</summary>
    private static async Task<JsonElement> ReadyAsync(HttpClient client, Func<JsonElement, bool>? condition = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
            var ready = json.RootElement.Clone();
            if (condition is null || condition(ready))
            {
                return ready;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), $"/health/ready never got there: {ready}");
            await Task.Delay(50);
        }
    }

    private static async Task<List<string>> DenseHitsAsync(HttpClient client, string query, string? act)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query, top = 5, mode = "dense", act });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("normId").GetString()!)];
    }
}
