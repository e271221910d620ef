using Assistant.Core.Acts;

namespace Assistant.Core.Drafts;

/// <summary>
/// A draft law as submitted: never law in force, kept apart from the acts and never retrieved as one.
/// </summary>
/// <param name="TargetActs">The acts its instructions amend, as the parser resolved them.</param>
public sealed record Draft(
    string Id,
    string Title,
    DraftStatus Status,
    Language Language,
    IReadOnlyList<string> TargetActs,
    string Text,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>Where a draft stands in the law-making process.</summary>
public enum DraftStatus
{
    /// <summary>Submitted for review.</summary>
    Submitted,

    UnderReview,

    Adopted,

    Rejected,

    Withdrawn,
}
