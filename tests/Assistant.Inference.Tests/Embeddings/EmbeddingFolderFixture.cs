using Assistant.Inference.Embeddings;

namespace Assistant.Inference.Tests.Embeddings;

/// <summary>A temporary folder with the tiny vocabulary and a random static model written as a model folder.</summary>
internal sealed class EmbeddingFolderFixture : IDisposable
{
    public EmbeddingFolderFixture(EmbeddingModelManifest? manifest = null)
    {
        Root = Directory.CreateTempSubdirectory("embed-folder-").FullName;
        VocabularyPath = Path.Combine(Root, "tiny.gguf");
        TinyVocabulary.Write(VocabularyPath);
        Model = ReferenceForwardPass.RandomModel(TinyVocabulary.Pieces.Length, dimensions: 12, seed: 11);
        ModelDirectory = Path.Combine(Root, "static");
        EmbeddingModelFolder.WriteStatic(
            ModelDirectory,
            Model,
            VocabularyPath,
            manifest ?? new EmbeddingModelManifest
            {
                Name = "tiny-static",
                Dimensions = 0,
                Tokenizer = string.Empty,
                QueryPrefix = "query: ",
                PassagePrefix = "passage: ",
            });
    }

    public string Root { get; }

    public string VocabularyPath { get; }

    public string ModelDirectory { get; }

    public StaticEmbeddingModel Model { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
