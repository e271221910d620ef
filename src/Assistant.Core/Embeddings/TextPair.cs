using Assistant.Core.Acts;

namespace Assistant.Core.Embeddings;

/// <summary>Two texts of one act (or of the two language versions of one act) that should embed close together.</summary>
/// <param name="ActId">The act both texts belong to; the held-out split is made by it.</param>
public sealed record TextPair(PairKind Kind, string ActId, PairSide Anchor, PairSide Positive)
{
    /// <summary>The languages of the two sides, e.g. «ru-kk».</summary>
    public string Languages => $"{Anchor.Language.ToCode()}-{Positive.Language.ToCode()}";
}
