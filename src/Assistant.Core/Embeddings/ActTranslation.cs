using Assistant.Core.Acts;

namespace Assistant.Core.Embeddings;

/// <summary>The Russian and Kazakh versions of one act, as mining paired them.</summary>
/// <param name="MatchedBy">The registration both records carry, when their ids differ; null when they share the id.</param>
public sealed record ActTranslation(string RussianId, string KazakhId, ActRegistration? MatchedBy);
