using Assistant.Storage.Qdrant;
using Assistant.Storage.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>Choosing Qdrant through the settings, as the API and the indexer read them.</summary>
public sealed class QdrantVectorStoreTests
{
    [Fact]
    public void Environment_variables_choose_qdrant_its_endpoint_collection_and_api_key()
    {
        var prefix = $"RAGLEGAL_TEST_{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            [prefix + "Vectors__Store"] = "qdrant",
            [prefix + "Vectors__Qdrant__Url"] = "http://qdrant.test:6334",
            [prefix + "Vectors__Qdrant__Collection"] = "norms_2026",
            [prefix + "Vectors__Qdrant__ApiKey"] = "secret-key",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var options = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build()
                .GetSection(VectorStoreOptions.Section).Get<VectorStoreOptions>()!;
            using var store = VectorStore.Open(options, NullLoggerFactory.Instance)!;

            Assert.Equal(new Uri("http://qdrant.test:6334"), options.Qdrant.Url);
            Assert.Equal("secret-key", options.Qdrant.ApiKey);
            var index = Assert.IsType<QdrantVectorIndex>(store.Index);
            Assert.Equal("qdrant", index.Store);
            Assert.Equal("norms_2026", index.Collection);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public void Qdrant_keeps_a_sparse_side_and_the_embedded_index_does_not()
    {
        var folder = Path.Combine(Path.GetTempPath(), "raglegal-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var qdrant = VectorStore.Open(new VectorStoreOptions { Store = "qdrant" }, NullLoggerFactory.Instance)!;
            using var embedded = VectorStore.Open(new VectorStoreOptions { Store = "embedded", Path = folder }, NullLoggerFactory.Instance)!;

            Assert.True(qdrant.KeepsSparse);
            Assert.False(embedded.KeepsSparse);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void A_rest_address_left_from_the_old_client_is_refused_naming_the_setting_and_the_grpc_port()
    {
        var options = new VectorStoreOptions { Store = "qdrant", Qdrant = new QdrantOptions { Url = new Uri("http://qdrant:6333") } };

        var error = Assert.ThrowsAny<ArgumentException>(() => VectorStore.Open(options, NullLoggerFactory.Instance));

        Assert.Contains("Vectors:Qdrant:Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("6334", error.Message, StringComparison.Ordinal);
    }
}
