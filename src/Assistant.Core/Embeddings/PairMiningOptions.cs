namespace Assistant.Core.Embeddings;

/// <summary>How pairs are mined from the corpus and split for evaluation.</summary>
public sealed record PairMiningOptions
{
    /// <summary>Seeds the choice of paragraph pairs and the held-out split.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share of acts whose pairs are held out for evaluation.</summary>
    public double HeldOutShare { get; init; } = 0.02;

    /// <summary>
    /// Share of articles of bilingual acts whose translation pairs are held out. Split by article, not act:
    /// the corpus has only a few acts in both languages, so a split by act would leave one side empty.
    /// </summary>
    public double TranslationHeldOutShare { get; init; } = 0.2;

    /// <summary>Texts are cut to this many characters at a word boundary: a static model needs a sample, not a whole chapter.</summary>
    public int MaxCharacters { get; init; } = 600;

    /// <summary>Shorter texts («Исключена.», a bare number) say too little to pair.</summary>
    public int MinCharacters { get; init; } = 12;

    /// <summary>Paired with the act title: this many first norms.</summary>
    public int TitleNorms { get; init; } = 2;

    /// <summary>Neighbouring paragraph pairs taken from one norm at most, so that long lists do not dominate.</summary>
    public int ParagraphPairsPerNorm { get; init; } = 3;

    /// <summary>Bulk records of one registration count as one act's two versions when their numbers agree this much (weighted Jaccard).</summary>
    public double MinActNumberAgreement { get; init; } = 0.5;

    /// <summary>Norms at the same place of two versions count as translations when their numbers agree this much.</summary>
    public double MinNormNumberAgreement { get; init; } = 0.5;

    /// <summary>…and when the longer is at most this many times the shorter.</summary>
    public double MaxTranslationLengthRatio { get; init; } = 2;

    /// <summary>Acts found in one language only are offered for alignment by content when they have this many articles.</summary>
    public int MinAlignedArticles { get; init; } = 8;

    /// <summary>Word translations are read off stems found together in at least this many training translation pairs…</summary>
    public int LexiconMinPairs { get; init; } = 3;

    /// <summary>…with a Dice coefficient of at least this.</summary>
    public double LexiconMinDice { get; init; } = 0.5;

    /// <summary>Whether the translation pairs of this unit (the article they come from) are held out.</summary>
    internal bool HoldsOutTranslation(string unit) => StableHash.Fraction(unit, Seed) < TranslationHeldOutShare;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HeldOutShare, 0, nameof(HeldOutShare));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HeldOutShare, 1, nameof(HeldOutShare));
        ArgumentOutOfRangeException.ThrowIfLessThan(TranslationHeldOutShare, 0, nameof(TranslationHeldOutShare));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TranslationHeldOutShare, 1, nameof(TranslationHeldOutShare));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCharacters, 16, nameof(MaxCharacters));
        ArgumentOutOfRangeException.ThrowIfNegative(MinCharacters, nameof(MinCharacters));
        ArgumentOutOfRangeException.ThrowIfNegative(TitleNorms, nameof(TitleNorms));
        ArgumentOutOfRangeException.ThrowIfNegative(ParagraphPairsPerNorm, nameof(ParagraphPairsPerNorm));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinActNumberAgreement, 0, nameof(MinActNumberAgreement));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinActNumberAgreement, 1, nameof(MinActNumberAgreement));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinNormNumberAgreement, 0, nameof(MinNormNumberAgreement));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinNormNumberAgreement, 1, nameof(MinNormNumberAgreement));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTranslationLengthRatio, 1, nameof(MaxTranslationLengthRatio));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinAlignedArticles, 1, nameof(MinAlignedArticles));
        ArgumentOutOfRangeException.ThrowIfLessThan(LexiconMinPairs, 1, nameof(LexiconMinPairs));
        ArgumentOutOfRangeException.ThrowIfLessThan(LexiconMinDice, 0, nameof(LexiconMinDice));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LexiconMinDice, 1, nameof(LexiconMinDice));
    }
}
