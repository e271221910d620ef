using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;

namespace Assistant.Core.Retrieval;

/// <summary>A lexical hit as fusion sees it: the norm found (an article, or a paragraph the question named).</summary>
public sealed record LexicalCandidate(NormId NormId, Language Language, bool NamedInQuery);

/// <summary>A norm in the fused ranking.</summary>
/// <param name="NormId">The norm to show: a paragraph when the question named one, else the top-level norm.</param>
/// <param name="LexicalRank">1-based rank among lexical candidates; null when only the dense side found it.</param>
/// <param name="DenseRank">1-based rank among dense candidates; null when only the lexical side found it.</param>
/// <param name="Score">Higher is better; the fused score, or the single side's score in lexical or dense mode.</param>
public sealed record RankedNorm(NormId NormId, Language Language, double Score, int? LexicalRank, int? DenseRank, bool NamedInQuery)
{
    /// <summary>The vector point of the norm's top-level norm: paragraphs share their article's point.</summary>
    public VectorKey Key => new(NormId.TopLevel, Language);
}
