using System.Numerics.Tensors;

namespace Assistant.Inference.Embeddings.Training;

/// <summary>
/// Finds, with a trained model, which documents of one side are translations of documents of the other, and which of
/// their sections correspond. Each left section votes for the document of its nearest right section; a left document
/// goes with the right document most of its sections voted for, if enough did. Within such a pair the sections are
/// aligned in order (a translation keeps the order of its sections but may add, drop or renumber some): the monotone
/// alignment with the greatest total similarity above <see cref="AlignmentOptions.MinSimilarity"/>, kept when it pairs
/// as many sections as the votes had to be.
/// </summary>
public static class DocumentAligner
{
    public static IReadOnlyList<AlignedSections> Align(
        StaticEmbeddingModel model,
        IReadOnlyList<AlignmentSection> left,
        IReadOnlyList<AlignmentSection> right,
        AlignmentOptions options,
        ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parallel);
        options.Validate();
        if (left.Count == 0 || right.Count == 0)
        {
            return [];
        }

        var d = model.Dimensions;
        var leftVectors = Embed(model, left, parallel);
        var rightVectors = Embed(model, right, parallel);
        var nearest = new int[left.Count];
        Parallel.For(0, left.Count, parallel, i =>
        {
            var vector = leftVectors.AsSpan(i * d, d);
            var best = -1;
            var bestScore = float.NegativeInfinity;
            for (var j = 0; j < right.Count; j++)
            {
                var score = TensorPrimitives.Dot(vector, rightVectors.AsSpan(j * d, d));
                if (score > bestScore)
                {
                    (best, bestScore) = (j, score);
                }
            }

            nearest[i] = bestScore >= options.MinSimilarity ? best : -1;
        });

        var leftDocuments = Documents(left);
        var rightDocuments = Documents(right).ToDictionary(range => right[range.Start].Document);
        var aligned = new List<AlignedSections>();
        foreach (var range in leftDocuments)
        {
            var votes = Enumerable.Range(range.Start, range.Count)
                .Where(i => nearest[i] >= 0)
                .GroupBy(i => right[nearest[i]].Document)
                .Select(group => (Document: group.Key, Votes: group.Count()))
                .OrderByDescending(v => v.Votes)
                .ThenBy(v => v.Document)
                .FirstOrDefault();
            if (votes.Votes < options.MinVotes || votes.Votes < options.MinVoteShare * range.Count)
            {
                continue;
            }

            var sections = InOrder(range, rightDocuments[votes.Document], leftVectors, rightVectors, d, options.MinSimilarity);
            if (sections.Count >= options.MinVotes)
            {
                aligned.AddRange(sections);
            }
        }

        return aligned;
    }

    /// <summary>The monotone one-to-one alignment of two documents' sections maximising Σ (similarity − threshold).</summary>
    private static List<AlignedSections> InOrder(
        (int Start, int Count) left, (int Start, int Count) right, float[] leftVectors, float[] rightVectors, int d, float threshold)
    {
        var rows = left.Count;
        var columns = right.Count;
        var similarity = new float[rows, columns];
        var best = new float[rows + 1, columns + 1];
        for (var i = 1; i <= rows; i++)
        {
            var vector = leftVectors.AsSpan((left.Start + i - 1) * d, d);
            for (var j = 1; j <= columns; j++)
            {
                var score = TensorPrimitives.Dot(vector, rightVectors.AsSpan((right.Start + j - 1) * d, d));
                similarity[i - 1, j - 1] = score;
                var match = score >= threshold ? best[i - 1, j - 1] + (score - threshold) : float.NegativeInfinity;
                best[i, j] = Math.Max(match, Math.Max(best[i - 1, j], best[i, j - 1]));
            }
        }

        var pairs = new List<AlignedSections>();
        for (int i = rows, j = columns; i > 0 && j > 0;)
        {
            var score = similarity[i - 1, j - 1];
            if (score >= threshold && best[i, j] == best[i - 1, j - 1] + (score - threshold))
            {
                pairs.Add(new AlignedSections(left.Start + i - 1, right.Start + j - 1, score));
                i--;
                j--;
            }
            else if (best[i, j] == best[i - 1, j])
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        pairs.Reverse();
        return pairs;
    }

    /// <summary>Runs of consecutive sections of one document.</summary>
    private static List<(int Start, int Count)> Documents(IReadOnlyList<AlignmentSection> sections)
    {
        var ranges = new List<(int Start, int Count)>();
        var seen = new HashSet<int>();
        for (var start = 0; start < sections.Count;)
        {
            var document = sections[start].Document;
            if (!seen.Add(document))
            {
                throw new ArgumentException($"The sections of document {document} are not consecutive (again at {start}).", nameof(sections));
            }

            var end = start;
            while (end < sections.Count && sections[end].Document == document)
            {
                end++;
            }

            ranges.Add((start, end - start));
            start = end;
        }

        return ranges;
    }

    private static float[] Embed(StaticEmbeddingModel model, IReadOnlyList<AlignmentSection> sections, ParallelOptions parallel)
    {
        var d = model.Dimensions;
        var vectors = new float[sections.Count * d];
        Parallel.For(0, sections.Count, parallel, i => Pooling.Forward(sections[i].Tokens, model.Weights, model.Vectors, vectors.AsSpan(i * d, d)));
        return vectors;
    }
}
