using Assistant.Core.Acts;

namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// Comments of one stance and one language that speak of the same thing. A topic never mixes stances, so that a
/// theme such as «overtime pay» appears once among supporters and once among opponents instead of hiding a split.
/// </summary>
/// <param name="KeyTerms">Words as commenters wrote them, most telling first; empty for the «other» bucket.</param>
public sealed record Topic(Stance Stance, Language Language, IReadOnlyList<string> KeyTerms, IReadOnlyList<long> CommentIds)
{
    /// <summary>
    /// The comments of this stance and language that share a theme with no other comment: listed, so none is lost,
    /// but not shown as a theme.
    /// </summary>
    public bool IsOther => KeyTerms.Count == 0;
}
