namespace Assistant.Core.Embeddings;

/// <summary>Pairs mined from a corpus, split by act into training and held-out pairs.</summary>
/// <param name="Acts">Act language versions mined (the newest edition of each).</param>
public sealed record MinedPairs(IReadOnlyList<TextPair> Training, IReadOnlyList<TextPair> HeldOut, int Acts)
{
    /// <summary>The acts found in both languages, which the translation pairs come from.</summary>
    public IReadOnlyList<ActTranslation> Translated { get; init; } = [];

    /// <summary>
    /// Articles of acts mined in one language only (those with enough articles), in act and article order; empty unless
    /// mining was asked for them.
    /// </summary>
    public IReadOnlyList<UnpairedArticle> Unpaired { get; init; } = [];

    /// <summary>The acts that alignment by content paired (see <see cref="WithAligned"/>).</summary>
    public IReadOnlyList<ActAlignment> Aligned { get; init; } = [];

    /// <summary>
    /// These pairs plus a translation pair for each aligned article, split into training and held out by the Kazakh
    /// article as the other translations are split, and the word translations read off all of them.
    /// </summary>
    public MinedPairs WithAligned(IReadOnlyList<AlignedArticles> articles, PairMiningOptions options)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(options);
        var training = Training.ToList();
        var heldOut = HeldOut.ToList();
        foreach (var (russian, kazakh) in articles)
        {
            var pair = new TextPair(
                PairKind.AlignedTranslation,
                russian.ActId,
                new PairSide(russian.Text, russian.Language, russian.Norm),
                new PairSide(kazakh.Text, kazakh.Language, kazakh.Norm));
            (options.HoldsOutTranslation(kazakh.Norm.ToString()) ? heldOut : training).Add(pair);
        }

        return new MinedPairs(training, heldOut, Acts)
        {
            Translated = Translated,
            Unpaired = Unpaired,
            Aligned = [.. articles
                .GroupBy(a => (a.Russian.ActId, a.Kazakh.ActId))
                .OrderBy(g => g.Key.Item1, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
                .Select(g => new ActAlignment(g.Key.Item1, g.Key.Item2, g.Count()))],
        }.WithLexicon(options);
    }

    /// <summary>These pairs with the word translations read off the training translation pairs in place of any before.</summary>
    internal MinedPairs WithLexicon(PairMiningOptions options) => this with
    {
        Training = [.. Training.Where(p => p.Kind != PairKind.WordTranslation)
            .Concat(TranslationLexicon.Mine(Training.Where(p => p.Kind is PairKind.Translation or PairKind.AlignedTranslation), options))],
    };

    /// <summary>Counts per kind, every kind listed.</summary>
    public IReadOnlyList<PairKindCount> Counts =>
    [
        .. Enum.GetValues<PairKind>().Select(kind => new PairKindCount(
            kind,
            Training.Count(pair => pair.Kind == kind),
            HeldOut.Count(pair => pair.Kind == kind))),
    ];
}
