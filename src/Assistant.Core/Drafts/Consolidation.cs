using Assistant.Core.Acts;
using Assistant.Core.Changes;

namespace Assistant.Core.Drafts;

/// <summary>The draft's text of one norm it changes, beside the edition's, with the word-level redline between them.</summary>
/// <param name="Id">The norm's id (<c>K1500000414/art:16</c>), or the chapter's (<c>K1500000414/chapter:3</c>).</param>
/// <param name="Article">The article as the act numbers it («16», «16-1»); null for a chapter or an act's point.</param>
/// <param name="Before">The edition's text, empty for a norm the draft adds.</param>
public sealed record ConsolidatedNorm(string Id, string? Article, string Before, string After, IReadOnlyList<RedlineSegment> Redline);

/// <summary>A draft applied to one edition of one act: the norms it changes and the instructions that could not be applied.</summary>
public sealed record Consolidation(string ActId, Language Language, string Edition, IReadOnlyList<ConsolidatedNorm> Norms, IReadOnlyList<FailedInstruction> Failed);
