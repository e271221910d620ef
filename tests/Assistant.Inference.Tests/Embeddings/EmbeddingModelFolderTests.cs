using Assistant.Inference.Embeddings;

namespace Assistant.Inference.Tests.Embeddings;

public sealed class EmbeddingModelFolderTests : IDisposable
{
    private readonly EmbeddingFolderFixture folder = new();

    private string ManifestPath => Path.Combine(folder.ModelDirectory, EmbeddingModelFolder.ManifestFileName);

    [Fact]
    public void Static_writer_produces_graph_vocabulary_and_a_manifest_that_pools_in_the_graph()
    {
        var loaded = EmbeddingModelFolder.Load(folder.ModelDirectory);

        Assert.True(File.Exists(loaded.ModelPath));
        Assert.Equal(File.ReadAllBytes(folder.VocabularyPath), File.ReadAllBytes(loaded.TokenizerPath));
        Assert.Equal(EmbeddingPooling.None, loaded.Manifest.Pooling);
        Assert.Equal(folder.Model.Dimensions, loaded.Manifest.Dimensions);
        Assert.Equal("query: ", loaded.Manifest.QueryPrefix);
        Assert.Contains("\"pooling\": \"none\"", File.ReadAllText(ManifestPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_without_manifest_names_the_missing_file()
    {
        File.Delete(ManifestPath);

        var error = Assert.Throws<InvalidDataException>(() => EmbeddingModelFolder.Load(folder.ModelDirectory));

        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"maxTokens\": 512", "\"maxTokens\": 1", "'maxTokens'")]
    [InlineData("\"dimensions\": 12", "\"dimensions\": 0", "'dimensions'")]
    [InlineData("\"model\": \"model.onnx\"", "\"model\": \"absent.onnx\"", "'model'")]
    [InlineData("\"tokenizer\": \"tokenizer.gguf\"", "\"tokenizer\": \"absent.gguf\"", "'tokenizer'")]
    [InlineData("\"pooling\": \"none\"", "\"pooling\": \"sum\"", "$.pooling")]
    [InlineData("\"maxTokens\": 512", "\"maxTokens\": 512, \"maxTokenz\": 3", "maxTokenz")]
    public void Bad_manifest_field_is_named_with_the_manifest_file(string original, string replacement, string field)
    {
        var text = File.ReadAllText(ManifestPath);
        Assert.Contains(original, text, StringComparison.Ordinal);
        File.WriteAllText(ManifestPath, text.Replace(original, replacement, StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => EmbeddingModelFolder.Load(folder.ModelDirectory));

        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"outputName\": \"sentence_embedding\"", "\"outputName\": \"pooled\"", "'outputName'")]
    [InlineData("\"inputIdsName\": \"input_ids\"", "\"inputIdsName\": \"ids\"", "'inputIdsName'")]
    [InlineData("\"dimensions\": 12", "\"dimensions\": 13", "'dimensions'")]
    public void Manifest_that_contradicts_the_graph_is_named_with_the_field(string original, string replacement, string field)
    {
        var text = File.ReadAllText(ManifestPath);
        File.WriteAllText(ManifestPath, text.Replace(original, replacement, StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => OnnxEmbeddingGenerator.Open(folder.ModelDirectory));

        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
