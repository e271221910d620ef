using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx;
using Assistant.Inference.Tests.Onnx;
using Assistant.Inference.Tokenizers;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Embeddings;

public class HashedVocabularyModelTests
{
    private static readonly string[] Pieces = ["<s>", "<unk>", "▁закон", "▁закона", "▁законы", "▁налог", ",", "▁ст"];
    private static readonly float[] Scores = [0f, 0f, -9f, -11f, -11.5f, -9.5f, -3.4f, -13f];
    private static readonly int[] Types = [3, 2, 1, 1, 1, 1, 1, 1];

    [Fact]
    public void Same_vocabulary_and_seed_build_the_same_model()
    {
        var first = HashedVocabularyModel.Build(Pieces, Scores, Types, 32, seed: 5);
        var second = HashedVocabularyModel.Build(Pieces, Scores, Types, 32, seed: 5);
        var reseeded = HashedVocabularyModel.Build(Pieces, Scores, Types, 32, seed: 6);

        Assert.Equal(first.Vectors, second.Vectors);
        Assert.Equal(first.Weights, second.Weights);
        Assert.NotEqual(first.Vectors, reseeded.Vectors);
    }

    [Fact]
    public void Pieces_sharing_a_stem_are_closer_than_unrelated_pieces()
    {
        var model = HashedVocabularyModel.Build(Pieces, Scores, Types, 128, HashedVocabularyModel.DefaultSeed);

        Assert.True(Cosine(model, 2, 3) > Cosine(model, 2, 5) + 0.2, $"{Cosine(model, 2, 3)} vs {Cosine(model, 2, 5)}");
        Assert.True(Cosine(model, 3, 4) > Cosine(model, 3, 5) + 0.2, $"{Cosine(model, 3, 4)} vs {Cosine(model, 3, 5)}");
    }

    [Fact]
    public void Rarer_pieces_weigh_more_and_control_pieces_weigh_nothing()
    {
        var model = HashedVocabularyModel.Build(Pieces, Scores, Types, 8, HashedVocabularyModel.DefaultSeed);

        Assert.Equal(0f, model.Weights[0]);
        Assert.Equal(0f, model.Weights[1]);
        Assert.True(model.Weights[6] < model.Weights[2]);
        Assert.True(model.Weights[2] < model.Weights[3]);
        Assert.True(model.Weights[3] < model.Weights[7]);
    }

    [SharedFact]
    public void Default_model_over_the_real_vocabulary_runs_in_onnx_runtime_like_the_forward_pass()
    {
        var vocabulary = SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf");
        var model = HashedVocabularyModel.FromGguf(vocabulary, dimensions: 16);
        var tokenizer = UnigramTokenizer.FromGguf(vocabulary);
        var folder = Directory.CreateTempSubdirectory("hashed-model-").FullName;
        try
        {
            var path = Path.Combine(folder, "model.onnx");
            StaticEmbeddingGraph.Build(model).Save(path);
            using var session = OnnxSessions.Open(path);
            var ids = tokenizer.Encode("Статья 14. Қазақстан Республикасының заңы", addSpecialTokens: true);

            var output = StaticGraphRun.Run(session, [.. ids.Select(id => (long)id)], [.. ids.Select(_ => 1L)], [1, ids.Count]);

            Assert.Equal(250_048, model.VocabularySize);
            ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(model, ids), output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Cosine(StaticEmbeddingModel model, int a, int b)
    {
        var x = model.VectorOf(a);
        var y = model.VectorOf(b);
        return System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(x, y);
    }
}
