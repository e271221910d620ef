namespace Assistant.Core.Audit;

/// <summary>An append-only record of chat turns: entries are added, read and exported, never changed or removed.</summary>
public interface IAuditTrail
{
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries appended in [since, until), oldest first; a null bound is open.</summary>
    IAsyncEnumerable<AuditRecord> ReadAsync(DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken);
}
