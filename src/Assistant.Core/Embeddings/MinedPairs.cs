namespace Assistant.Core.Embeddings;

/// <summary>Pairs mined from a corpus, split by act into training and held-out pairs.</summary>
/// <param name="Acts">Act language versions mined (the newest edition of each).</param>
public sealed record MinedPairs(IReadOnlyList<TextPair> Training, IReadOnlyList<TextPair> HeldOut, int Acts)
{
    /// <summary>The acts found in both languages, which the translation pairs come from.</summary>
    public IReadOnlyList<ActTranslation> Translated { get; init; } = [];

    /// <summary>Counts per kind, every kind listed.</summary>
    public IReadOnlyList<PairKindCount> Counts =>
    [
        .. Enum.GetValues<PairKind>().Select(kind => new PairKindCount(
            kind,
            Training.Count(pair => pair.Kind == kind),
            HeldOut.Count(pair => pair.Kind == kind))),
    ];
}
