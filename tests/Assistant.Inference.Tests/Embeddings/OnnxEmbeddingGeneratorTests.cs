using Assistant.Core.Vectors;
using Assistant.Inference.Embeddings;
using Microsoft.Extensions.AI;

namespace Assistant.Inference.Tests.Embeddings;

public sealed class OnnxEmbeddingGeneratorTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "закон",
        "статья 5. налог на the law",
        "the law, закон, статья",
        "налог",
        "статья 12: закон о налоге и the law of 2024",
    ];

    private readonly EmbeddingFolderFixture folder = new();

    [Fact]
    public async Task Vectors_equal_the_plain_forward_pass_of_the_static_model()
    {
        using var generator = OnnxEmbeddingGenerator.Open(folder.ModelDirectory);

        var embeddings = await generator.GenerateAsync(Texts);

        Assert.Equal(Texts.Length, embeddings.Count);
        for (var i = 0; i < Texts.Length; i++)
        {
            var ids = generator.Tokenize(Texts[i], EmbeddingPurpose.Passage);
            ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(folder.Model, ids), embeddings[i].Vector.Span);
        }
    }

    [Fact]
    public async Task Batch_size_and_input_order_do_not_change_the_vectors()
    {
        using var single = OnnxEmbeddingGenerator.Open(folder.ModelDirectory, new OnnxEmbeddingGeneratorOptions { BatchSize = 1 });
        using var batched = OnnxEmbeddingGenerator.Open(folder.ModelDirectory, new OnnxEmbeddingGeneratorOptions { BatchSize = 3 });
        var reversed = Texts.Reverse().ToArray();

        var one = await single.GenerateAsync(Texts);
        var three = await batched.GenerateAsync(reversed);

        for (var i = 0; i < Texts.Length; i++)
        {
            ReferenceForwardPass.AssertClose(one[i].Vector.ToArray(), three[Texts.Length - 1 - i].Vector.Span, 1e-6f);
        }
    }

    [Fact]
    public async Task Long_inputs_are_cut_to_max_tokens_keeping_the_end_token_and_counted()
    {
        var manifest = EmbeddingModelFolder.Load(folder.ModelDirectory).Manifest with { MaxTokens = 6 };
        EmbeddingModelFolder.WriteManifest(folder.ModelDirectory, manifest);
        using var generator = OnnxEmbeddingGenerator.Open(folder.ModelDirectory);

        const string longText = "статья 12: закон о налоге и the law of 2024";

        var embeddings = await generator.GenerateAsync(["закон", longText]);
        Assert.Equal(1, generator.TruncatedInputs);
        await generator.GenerateAsync([longText, longText]);
        Assert.Equal(3, generator.TruncatedInputs);

        var ids = generator.Tokenize(longText, EmbeddingPurpose.Passage);
        Assert.Equal(6, ids.Count);
        Assert.Equal(TinyVocabulary.End, ids[^1]);
        ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(folder.Model, ids), embeddings[1].Vector.Span);
    }

    [Fact]
    public async Task Query_and_passage_prefixes_are_applied_and_change_the_vector()
    {
        using var generator = OnnxEmbeddingGenerator.Open(folder.ModelDirectory);
        const string text = "закон о налоге";

        var query = await generator.GenerateAsync([text], QueryOptions());
        var passage = await generator.GenerateAsync([text]);

        var queryIds = generator.Tokenize(text, EmbeddingPurpose.Query);
        Assert.Contains(Array.IndexOf(TinyVocabulary.Pieces, "▁query"), queryIds);
        Assert.Contains(Array.IndexOf(TinyVocabulary.Pieces, "▁passage"), generator.Tokenize(text, EmbeddingPurpose.Passage));
        ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(folder.Model, queryIds), query[0].Vector.Span);
        Assert.False(query[0].Vector.Span.SequenceEqual(passage[0].Vector.Span));
    }

    [Fact]
    public async Task Input_kind_may_be_given_by_name()
    {
        using var generator = OnnxEmbeddingGenerator.Open(folder.ModelDirectory);
        var byName = new EmbeddingGenerationOptions
        {
            AdditionalProperties = new() { [EmbeddingPurposes.OptionKey] = "query" },
        };

        var named = await generator.GenerateAsync(["налог"], byName);
        var typed = await generator.GenerateAsync(["налог"], QueryOptions());

        Assert.True(named[0].Vector.Span.SequenceEqual(typed[0].Vector.Span));
    }

    [Fact]
    public async Task Usage_counts_the_input_tokens_after_prefixing()
    {
        using var generator = OnnxEmbeddingGenerator.Open(folder.ModelDirectory);

        var embeddings = await generator.GenerateAsync(Texts);

        Assert.Equal(Texts.Sum(text => (long)generator.Tokenize(text, EmbeddingPurpose.Passage).Count), embeddings.Usage?.InputTokenCount);
        Assert.All(embeddings, embedding => Assert.Equal("tiny-static", embedding.ModelId));
    }

    [Fact]
    public async Task Cancelled_call_throws_before_running_a_batch()
    {
        using var generator = OnnxEmbeddingGenerator.Open(folder.ModelDirectory);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(Texts, cancellationToken: cancellation.Token));
        Assert.Throws<OperationCanceledException>(() => generator.EmbedTokenized([[0, 5, 2]], cancellation.Token));
    }

    [Fact]
    public void Batches_are_planned_by_token_count_ties_in_input_order()
    {
        IReadOnlyList<int>[] inputs = [[0, 1, 2], [0, 2], [0, 1, 2, 3], [0, 3], [0, 4, 5], [0]];

        var plan = OnnxEmbeddingGenerator.PlanBatches(inputs, batchSize: 4);

        Assert.Equal([[5, 1, 3, 0], [4, 2]], plan);
    }

    [Fact]
    public void Ids_embedded_directly_give_the_vectors_in_input_order_each_its_own_slice()
    {
        using var generator = OnnxEmbeddingGenerator.Open(folder.ModelDirectory, new OnnxEmbeddingGeneratorOptions { BatchSize = 2 });
        IReadOnlyList<int>[] inputs = [.. Texts.Select(text => generator.Tokenize(text, EmbeddingPurpose.Passage))];

        var vectors = generator.EmbedTokenized(inputs, CancellationToken.None);

        Assert.Equal(inputs.Length, vectors.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(folder.Model.Dimensions, vectors[i].Length);
            ReferenceForwardPass.AssertClose(ReferenceForwardPass.Embed(folder.Model, inputs[i]), vectors[i].Span);
        }
    }

    [Fact]
    public void Metadata_names_the_model_and_its_dimensions()
    {
        using var generator = OnnxEmbeddingGenerator.Open(folder.ModelDirectory);

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("tiny-static", metadata?.DefaultModelId);
        Assert.Equal(folder.Model.Dimensions, metadata?.DefaultModelDimensions);
    }

    public void Dispose() => folder.Dispose();

    private static EmbeddingGenerationOptions QueryOptions() => new()
    {
        AdditionalProperties = new() { [EmbeddingPurposes.OptionKey] = EmbeddingPurpose.Query },
    };
}
