using Assistant.Core.Vectors;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx.Graphs;
using Microsoft.ML.OnnxRuntime.Tensors;

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
        WriteGraph(OnnxDimension.Fixed(folder.Model.Dimensions));
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

    [Fact]
    public async Task Per_token_output_narrower_than_the_manifest_says_names_its_dimensions_field()
    {
        // Declared dynamic, the hidden size passes the check at open; the first run finds it is not the manifest's.
        WriteGraph(OnnxDimension.Dynamic("hidden"));
        WriteManifest(EmbeddingPooling.Mean, folder.Model.Dimensions + 4);
        using var generator = OnnxEmbeddingGenerator.Open(tokenGraphDirectory);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => generator.GenerateAsync(Texts));

        Assert.Contains(Path.Combine(tokenGraphDirectory, "manifest.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("'dimensions'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// A graph whose output is each token's own vector, [batch, sequence, <paramref name="hidden"/>]. A dynamic hidden
    /// size is one the token vectors may be overridden with, so shape inference cannot fix it either.
    /// </summary>
    private void WriteGraph(OnnxDimension hidden)
    {
        var model = folder.Model;
        var graph = new OnnxGraph("token_vectors")
            .Input("input_ids", TensorElementType.Int64, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("sequence"))
            .Input("attention_mask", TensorElementType.Int64, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("sequence"));
        if (hidden.Size is null)
        {
            graph.Input("vectors", TensorElementType.Float, OnnxDimension.Fixed(model.VocabularySize), hidden);
        }

        graph
            .Output("last_hidden_state", TensorElementType.Float, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("sequence"), hidden)
            .Initializer("vectors", model.Vectors, model.VocabularySize, model.Dimensions)
            .Node("Gather", ["vectors", "input_ids"], ["last_hidden_state"], OnnxAttributeValue.Of("axis", 0L))
            .Save(Path.Combine(tokenGraphDirectory, "model.onnx"));
    }

    private void WriteManifest(EmbeddingPooling pooling, int? dimensions = null) =>
        EmbeddingModelFolder.WriteManifest(tokenGraphDirectory, new EmbeddingModelManifest
        {
            Name = "token-graph",
            Dimensions = dimensions ?? folder.Model.Dimensions,
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
