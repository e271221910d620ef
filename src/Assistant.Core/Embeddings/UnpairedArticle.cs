using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Embeddings;

/// <summary>
/// An article of an act found in one language only, offered for alignment by content: the corpus holds Kazakh drafts
/// of many codes and laws whose Russian text it holds as enacted, with neither id nor registration in common.
/// </summary>
/// <param name="Text">Heading and text, clipped as pair texts are.</param>
public sealed record UnpairedArticle(string ActId, Language Language, NormId Norm, string Text);
