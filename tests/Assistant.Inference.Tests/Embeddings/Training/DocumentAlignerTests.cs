using Assistant.Inference.Embeddings;
using Assistant.Inference.Embeddings.Training;

namespace Assistant.Inference.Tests.Embeddings.Training;

public class DocumentAlignerTests
{
    private const int Vocabulary = 64;
    private static readonly ParallelOptions Parallel = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>One-hot token vectors: two sections are as similar as the share of tokens they have in common.</summary>
    private static readonly StaticEmbeddingModel Model = new(
        Vocabulary,
        Vocabulary,
        [.. Enumerable.Range(0, Vocabulary * Vocabulary).Select(i => i / Vocabulary == i % Vocabulary ? 1f : 0f)],
        Enumerable.Repeat(1f, Vocabulary).ToArray());

    [Fact]
    public void A_translation_is_found_among_other_documents_and_its_sections_aligned_in_order()
    {
        // Left document 0 has sections a..f; its translation (right document 1) drops c and adds x after d.
        AlignmentSection[] left = [.. Sections(0, [1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12])];
        AlignmentSection[] right =
        [
            .. Sections(0, [40, 41], [42, 43], [44, 45], [46, 47], [48, 49]),
            .. Sections(1, [1, 2], [3, 4], [7, 8], [30, 31], [9, 10], [11, 12]),
        ];

        var aligned = DocumentAligner.Align(Model, left, right, Options, Parallel);

        Assert.Equal([(0, 5), (1, 6), (3, 7), (4, 9), (5, 10)], aligned.Select(a => (a.Left, a.Right)));
        Assert.All(aligned, a => Assert.Equal(1f, a.Similarity, 5));
    }

    [Fact]
    public void Sections_out_of_order_are_aligned_only_as_far_as_the_order_allows()
    {
        AlignmentSection[] left = [.. Sections(0, [1, 2], [3, 4], [5, 6], [7, 8], [9, 10])];
        AlignmentSection[] right = [.. Sections(0, [1, 2], [5, 6], [3, 4], [7, 8], [9, 10])];

        var aligned = DocumentAligner.Align(Model, left, right, Options, Parallel);

        Assert.Equal(4, aligned.Count);
        Assert.Equal(aligned.Select(a => a.Right).Order(), aligned.Select(a => a.Right));
    }

    [Fact]
    public void A_document_with_too_few_similar_sections_is_not_aligned()
    {
        AlignmentSection[] left = [.. Sections(0, [1, 2], [3, 4], [20, 21], [22, 23], [24, 25], [26, 27])];
        AlignmentSection[] right = [.. Sections(0, [1, 2], [3, 4], [40, 41], [42, 43])];

        Assert.Empty(DocumentAligner.Align(Model, left, right, Options, Parallel));
        Assert.Equal(2, DocumentAligner.Align(Model, left, right, Options with { MinVotes = 2 }, Parallel).Count);
    }

    [Fact]
    public void Sections_below_the_similarity_threshold_are_never_paired()
    {
        // Each right section shares one of two tokens with its left one: cosine 0.5.
        AlignmentSection[] left = [.. Sections(0, [1, 2], [3, 4], [5, 6])];
        AlignmentSection[] right = [.. Sections(0, [1, 50], [3, 51], [5, 52])];

        Assert.Empty(DocumentAligner.Align(Model, left, right, Options with { MinSimilarity = 0.6f }, Parallel));
        Assert.Equal(3, DocumentAligner.Align(Model, left, right, Options with { MinSimilarity = 0.4f }, Parallel).Count);
    }

    [Fact]
    public void Sections_of_a_document_that_do_not_come_together_are_rejected()
    {
        AlignmentSection[] left = [new(0, [1]), new(1, [2]), new(0, [3])];

        var error = Assert.Throws<ArgumentException>(() => DocumentAligner.Align(Model, left, [new(0, [1])], Options, Parallel));

        Assert.Contains("document 0", error.Message, StringComparison.Ordinal);
    }

    private static AlignmentOptions Options => new() { MinVotes = 3, MinVoteShare = 0.25, MinSimilarity = 0.9f };

    private static IEnumerable<AlignmentSection> Sections(int document, params int[][] sections) =>
        sections.Select(tokens => new AlignmentSection(document, tokens));
}
