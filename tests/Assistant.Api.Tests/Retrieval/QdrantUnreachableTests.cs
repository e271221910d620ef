using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;

namespace Assistant.Api.Tests.Retrieval;

/// <summary>The API starts when the configured Qdrant cannot be reached: it ranks lexically and says why.</summary>
public sealed class QdrantUnreachableTests(TestCatalog catalog) : IClassFixture<TestCatalog>
{
    [Fact]
    public async Task An_unreachable_qdrant_leaves_retrieval_lexical_and_readiness_names_the_collection()
    {
        using var host = new ApiHost(catalog.Copy(), new Dictionary<string, string?>
        {
            ["Llm:ModelPath"] = string.Empty,
            ["Vectors:Store"] = "qdrant",
            ["Vectors:Qdrant:Url"] = $"http://127.0.0.1:{ClosedPort()}",
            ["Vectors:Qdrant:Collection"] = "norms_unreachable",
            ["Vectors:Qdrant:RetryCount"] = "0",
        });
        using var client = host.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));

        var vectors = json.RootElement.GetProperty("vectors");
        Assert.Equal("failed", vectors.GetProperty("state").GetString());
        Assert.Equal("lexical", vectors.GetProperty("mode").GetString());
        Assert.Contains("'norms_unreachable'", vectors.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: one the system just gave out and took back.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
