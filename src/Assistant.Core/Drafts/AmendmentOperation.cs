namespace Assistant.Core.Drafts;

/// <summary>One operation on the text of an act, read from an instruction of a draft.</summary>
/// <param name="Words">The quoted words the instruction finds («X»): replaced, removed, or written after.</param>
/// <param name="NewWords">The quoted words it writes («Y»).</param>
/// <param name="Content">The lines of a new redaction or of an added unit, without the quotes around them.</param>
/// <param name="Unit">What an insertion adds.</param>
public sealed record AmendmentOperation(
    OperationKind Kind,
    AmendmentTarget Target,
    string? Words = null,
    string? NewWords = null,
    IReadOnlyList<string>? Content = null,
    NewUnit? Unit = null);
