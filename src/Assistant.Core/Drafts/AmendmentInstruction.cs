namespace Assistant.Core.Drafts;

/// <summary>An operation with the line of the draft it was read from and that line's text.</summary>
public sealed record AmendmentInstruction(int Line, string Text, AmendmentOperation Operation);

/// <summary>An instruction that could not be read or applied, with its line and why.</summary>
public sealed record FailedInstruction(int Line, string Instruction, string Reason);
