using Assistant.Core.Vectors;
using Assistant.Inference.Embeddings;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;
using Assistant.Storage.Vectors;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Hosting;

/// <summary>
/// The test catalog with its norms embedded, once per test class, by a small static model over the real XLM-RoBERTa
/// vocabulary into an embedded vector index: the dense side of retrieval, end to end. Needs ../shared.
/// </summary>
public sealed class TestVectors : IDisposable
{
    private const int Dimensions = 32;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raglegal-api-vectors-");
    private readonly TestCatalog _catalog = new();

    public TestVectors()
    {
        CatalogPath = _catalog.Copy();
        ModelFolder = Path.Combine(_folder.FullName, "model");
        VectorFolder = Path.Combine(_folder.FullName, "vectors");
        if (!SharedData.IsAvailable)
        {
            return;
        }

        var vocabulary = SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf");
        EmbeddingModelFolder.WriteStatic(ModelFolder, HashedVocabularyModel.FromGguf(vocabulary, Dimensions), vocabulary, new EmbeddingModelManifest
        {
            Name = "test-hashed-32",
            Dimensions = Dimensions,
            Tokenizer = Path.GetFileName(vocabulary),
        });
        using var catalog = LegalCatalog.Open(CatalogPath);
        using var index = EmbeddedVectorIndex.Open(new EmbeddedVectorIndexOptions { Folder = VectorFolder });
        using var generator = OnnxEmbeddingGenerator.Open(ModelFolder);
        var summary = new NormEmbedding(catalog, index, generator, new VectorIndexShape(Dimensions, "test-hashed-32"))
            .RunAsync(progress: null, CancellationToken.None).GetAwaiter().GetResult();
        Norms = summary.Embedded;
    }

    /// <summary>Holds the embedded norms; hosts share it read-only.</summary>
    public string CatalogPath { get; }

    public string ModelFolder { get; }

    public string VectorFolder { get; }

    public int Norms { get; }

    /// <summary>Settings that point a host at these vectors and this model.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Llm:ModelPath"] = string.Empty,
        ["Vectors:Store"] = "embedded",
        ["Vectors:Path"] = VectorFolder,
        ["Embeddings:Model"] = ModelFolder,
        ["Embeddings:Threads"] = "1",
    };

    public void Dispose()
    {
        _catalog.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
