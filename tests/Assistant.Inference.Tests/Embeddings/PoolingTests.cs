using Assistant.Core.Vectors;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx;
using Assistant.Inference.Onnx.Graphs;

namespace Assistant.Inference.Tests.Embeddings;

/// <summary>Pooling of a graph that outputs last_hidden_state [batch, tokens, hidden]: here each token's own vector.</summary>
public sealed class PoolingTests : IDisposable
{
    private static readonly string[] Texts = ["закон", "статья 5: налог на the law", "the law"];

    private readonly EmbeddingFolderFixture folder = new();
    private readonly string tokenGraphDirectory;

    public PoolingTests()
    {
        tokenGraphDirectory = Path.Combine(folder.Root, "token-graph");
        Directory.CreateDirectory(tokenGraphDirectory);
        var model = folder.Model;
        new OnnxGraph("token_vectors")
            .Input("input_ids", OnnxElementType.Int64, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("sequence"))
            .Input("attention_mask", OnnxElementType.Int64, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("sequence"))
            .Output("last_hidden_state", OnnxElementType.Float, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("sequence"), OnnxDimension.Fixed(model.Dimensions))
            .Initializer("vectors", model.Vectors, model.VocabularySize, model.Dimensions)
            .Node("Gather", ["vectors", "input_ids"], ["last_hidden_state"], OnnxAttributeValue.Of("axis", 0L))
            .Save(Path.Combine(tokenGraphDirectory, "model.onnx"));
        File.Copy(folder.VocabularyPath, Path.Combine(tokenGraphDirectory, "tokenizer.gguf"));
    }

    [Fact]
    public async Task Mean_pooling_averages_the_unpadded_token_vectors()
    {
        WriteManifest(EmbeddingPooling.Mean);
        using var generator = OnnxEmbeddingGenerator.Open(tokenGraphDirectory, new OnnxEmbeddingGeneratorOptions { BatchSize = 3 });

        var embeddings = await generator.GenerateAsync(Texts);

        for (var i = 0; i < Texts.Length; i++)
        {
            var ids = generator.Tokenize(Texts[i], EmbeddingPurpose.Passage);
            var mean = Enumerable.Range(0, folder.Model.Dimensions)
                .Select(d => ids.Average(id => (double)folder.Model.VectorOf(id)[d]))
                .ToArray();
            ReferenceForwardPass.AssertClose(Normalized(mean), embeddings[i].Vector.Span);
        }
    }

    [Fact]
    public async Task Cls_pooling_takes_the_first_token_vector()
    {
        WriteManifest(EmbeddingPooling.Cls);
        using var generator = OnnxEmbeddingGenerator.Open(tokenGraphDirectory);

        var embeddings = await generator.GenerateAsync(Texts);

        var first = folder.Model.VectorOf(TinyVocabulary.Start).ToArray().Select(value => (double)value).ToArray();
        Assert.All(embeddings, embedding => ReferenceForwardPass.AssertClose(Normalized(first), embedding.Vector.Span));
    }

    [Fact]
    public void Pooling_none_on_a_per_token_output_names_the_manifest_field()
    {
        WriteManifest(EmbeddingPooling.None);

        var error = Assert.Throws<InvalidDataException>(() => OnnxEmbeddingGenerator.Open(tokenGraphDirectory));

        Assert.Contains(Path.Combine(tokenGraphDirectory, "manifest.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("'pooling'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private void WriteManifest(EmbeddingPooling pooling) =>
        EmbeddingModelFolder.WriteManifest(tokenGraphDirectory, new EmbeddingModelManifest
        {
            Name = "token-graph",
            Dimensions = folder.Model.Dimensions,
            Pooling = pooling,
            Tokenizer = "tokenizer.gguf",
            OutputName = "last_hidden_state",
        });

    private static float[] Normalized(double[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(value => value * value));
        return vector.Select(value => (float)(value / norm)).ToArray();
    }
}
