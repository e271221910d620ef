namespace Assistant.Core.Audit;

/// <summary>What the audit trail keeps of one chat turn: enough to show later who asked what and what it rested on.</summary>
/// <param name="Sources">Norm ids given to the model as sources, in their order.</param>
/// <param name="Citations">Norm ids the answer cites (a subset of the sources).</param>
/// <param name="AnswerSha256">Lower-case hex SHA-256 of the answer's UTF-8 text.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string User,
    string Role,
    string? ConversationId,
    string Question,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Citations,
    string AnswerSha256)
{
    /// <summary>What <see cref="AnswerSha256"/> holds for an answer's text.</summary>
    public static string HashOf(string answer) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(answer)));
}

/// <summary>An audit entry with its place in the trail (1, 2, 3… in the order appended).</summary>
public sealed record AuditRecord(long Sequence, AuditEntry Entry);
