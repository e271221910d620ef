namespace Assistant.Core.Drafts;

/// <summary>How the reason of a <see cref="FailedInstruction"/> begins, by what went wrong; forecasts sort failures by it.</summary>
public static class FailureReasons
{
    public const string NotFound = "target norm not found";

    public const string Ambiguous = "ambiguous target";

    public const string WordsAbsent = "quoted words absent from the target";

    /// <summary>The reason's kind, or null for a reason of another kind (a line not read as an instruction).</summary>
    public static string? KindOf(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.StartsWith(NotFound, StringComparison.Ordinal) ? NotFound
            : reason.StartsWith(Ambiguous, StringComparison.Ordinal) ? Ambiguous
            : reason.StartsWith(WordsAbsent, StringComparison.Ordinal) ? WordsAbsent
            : null;
    }
}
