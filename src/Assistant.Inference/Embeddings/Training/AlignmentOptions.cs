namespace Assistant.Inference.Embeddings.Training;

/// <summary>How sure <see cref="DocumentAligner"/> must be before it takes two documents, and two of their sections, for one text.</summary>
public sealed record AlignmentOptions
{
    /// <summary>
    /// Sections of a left document whose nearest right section must lie in the same right document, and sections the
    /// two documents' alignment must pair: fewer mark related acts (a law on the press and one on broadcasting), not a
    /// translation.
    /// </summary>
    public int MinVotes { get; init; } = 5;

    /// <summary>…and at least this share of the left document's sections.</summary>
    public double MinVoteShare { get; init; } = 0.1;

    /// <summary>Cosine similarity below which two sections are never taken for one text, nor a section's nearest counted as a vote.</summary>
    public float MinSimilarity { get; init; } = 0.35f;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinVotes, 1, nameof(MinVotes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinVoteShare, 0, nameof(MinVoteShare));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinVoteShare, 1, nameof(MinVoteShare));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSimilarity, -1f, nameof(MinSimilarity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinSimilarity, 1f, nameof(MinSimilarity));
    }
}
