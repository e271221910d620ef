using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Embeddings;

/// <summary>One text of a pair and where it comes from.</summary>
/// <param name="Norm">The norm the text is of; null for an act title or an article heading.</param>
public sealed record PairSide(string Text, Language Language, NormId? Norm);
