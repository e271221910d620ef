using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Catalog;

/// <summary>The indexer, a process of its own, ingests into the catalog file the API serves while clients keep reading it.</summary>
public sealed class IngestBesideApiTests(TestCatalog catalog) : IClassFixture<TestCatalog>, IDisposable
{
    private const int Clients = 64;

    private readonly DirectoryInfo _source = Directory.CreateTempSubdirectory("raglegal-ingest-beside-");

    public void Dispose() => _source.Delete(recursive: true);

    [SharedFact]
    public async Task Sixty_four_clients_searching_and_reading_norms_get_no_server_error_while_an_ingest_writes_the_catalog()
    {
        // The Criminal Code again (replaced in place while it is read) and acts the catalog does not hold yet.
        foreach (var act in new[] { "K1400000226", "K1100000518", "Z2200000153", "Z2200000155", "Z2400000106" })
        {
            File.Copy(SharedData.Path("corpus", "adilet", "ru", $"{act}.ru.txt"), Path.Combine(_source.FullName, $"{act}.ru.txt"));
        }

        var path = catalog.Copy();
        using var host = new ApiHost(path, new Dictionary<string, string?>
        {
            ["Llm:ModelPath"] = string.Empty,
            ["RateLimits:Public:PermitLimit"] = "100000000",
            ["Catalog:RefreshInterval"] = "00:00:00.200",
        });
        using var probe = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        var ingest = IndexerChild.RunAsync("ingest", _source.FullName, "--db", path);
        var answers = new ConcurrentBag<(string Request, HttpStatusCode Status, string Body)>();
        var load = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = host.CreateClient();
            for (var request = client; !ingest.IsCompleted; request += Clients)
            {
                var (name, response) = await SendAsync(http, request);
                using (response)
                {
                    answers.Add((name, response.StatusCode, (int)response.StatusCode >= 500 ? await response.Content.ReadAsStringAsync() : string.Empty));
                }
            }
        })).ToList();
        var run = await ingest;
        await Task.WhenAll(load);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(answers.Count >= Clients, $"only {answers.Count} requests were answered during the ingest");
        Assert.Empty(answers.Where(answer => (int)answer.Status >= 500).Select(answer => $"{answer.Request}: {answer.Status} {answer.Body}").Distinct());
        // The code being replaced is read whole, before or after: never missing.
        Assert.All(answers.Where(answer => answer.Request.StartsWith("norm", StringComparison.Ordinal)), answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        using var acts = await probe.GetAsync(new Uri("/v1/acts/Z2200000153", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, acts.StatusCode);
    }

    /// <summary>Searches of three kinds, a norm of the code being re-ingested, a norm of an act left alone, the act list.</summary>
    private static async Task<(string Name, HttpResponseMessage Response)> SendAsync(HttpClient http, int request) => (request % 6) switch
    {
        0 => ("search кража", await http.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = "кража чужого имущества", top = 5 })),
        1 => ("search закон", await http.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = "настоящий закон регулирует отношения", top = 10 })),
        2 => ("search ст. 188", await http.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = "ст. 188 УК", top = 3 })),
        3 => ("norm K1400000226/art:188", await http.GetAsync(new Uri("/v1/norms/K1400000226/art:188", UriKind.Relative))),
        4 => ("norm U2500000881/p:1", await http.GetAsync(new Uri("/v1/norms/U2500000881/p:1", UriKind.Relative))),
        _ => ("acts", await http.GetAsync(new Uri("/v1/acts", UriKind.Relative))),
    };
}
