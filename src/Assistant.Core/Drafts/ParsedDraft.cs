using Assistant.Core.Acts;

namespace Assistant.Core.Drafts;

/// <summary>The amendment instructions of a draft law, in the order the draft gives them.</summary>
/// <param name="Title">The draft's title, its first line («О внесении изменений и дополнений в …»).</param>
/// <param name="TargetActs">The acts it amends, in order.</param>
/// <param name="Failed">Lines that look like instructions but could not be read, with the reason.</param>
public sealed record ParsedDraft(
    string Title,
    Language Language,
    IReadOnlyList<string> TargetActs,
    IReadOnlyList<AmendmentInstruction> Instructions,
    IReadOnlyList<FailedInstruction> Failed);
