namespace Assistant.Core.Retrieval;

/// <summary>
/// How much the rest of the law relies on each act: references to it from norms of other acts in force. A code that
/// thousands of norms cite outranks, at equal relevance, a stale copy or a district decision that none does: the
/// prior multiplies a lexical score by 1 + weight · ln(1 + references) / ln(1 + the most any act has).
/// </summary>
public sealed class ActAuthority(IReadOnlyDictionary<string, int> referencesByAct)
{
    private readonly double _scale = Math.Log(1 + (referencesByAct.Count == 0 ? 0 : referencesByAct.Values.Max()));

    public int ReferencesTo(string actId) => referencesByAct.GetValueOrDefault(actId);

    /// <summary>The multiplier of a score of this act: 1 for an act nothing refers to, 1 + weight for the most cited.</summary>
    public double Prior(string actId, double weight) =>
        _scale == 0 ? 1 : 1 + (weight * Math.Log(1 + ReferencesTo(actId)) / _scale);
}
