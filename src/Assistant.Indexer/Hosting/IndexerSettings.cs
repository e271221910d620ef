using Assistant.Core.Retrieval;
using Assistant.Inference.Embeddings;
using Assistant.Storage.Retrieval;
using Microsoft.Extensions.Configuration;

namespace Assistant.Indexer.Hosting;

/// <summary>
/// Settings from appsettings.json beside the tool, overridden by environment variables with the
/// RAGLEGAL_ prefix (RAGLEGAL_Catalog__Path=/srv/raglegal.db), overridden by command-line options.
/// </summary>
internal sealed class IndexerSettings
{
    public const string EnvironmentPrefix = "RAGLEGAL_";

    private IndexerSettings(IConfiguration configuration)
    {
        Configuration = configuration;
    }

    public IConfiguration Configuration { get; }

    public string CatalogPath => Configuration["Catalog:Path"] ?? "data/raglegal.db";

    public VectorStoreOptions Vectors => Configuration.GetSection(VectorStoreOptions.Section).Get<VectorStoreOptions>() ?? new();

    public EmbeddingModelOptions Embeddings => Configuration.GetSection(EmbeddingModelOptions.Section).Get<EmbeddingModelOptions>() ?? new();

    public FusionOptions Fusion => Configuration.GetSection("Retrieval").Get<FusionOptions>() ?? new();

    public static IndexerSettings Load() => new(new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables(EnvironmentPrefix)
        .Build());
}
