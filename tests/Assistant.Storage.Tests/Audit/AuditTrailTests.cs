using Assistant.Core.Audit;
using Assistant.Storage.Audit;
using Assistant.Storage.Tests.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Tests.Audit;

public sealed class AuditTrailTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(5));

    private readonly TemporaryCatalog _temporary = new();
    private readonly AuditTrail _trail;

    public AuditTrailTests() => _trail = AuditTrail.Open(_temporary.FilePath);

    public void Dispose()
    {
        _trail.Dispose();
        _temporary.Dispose();
    }

    [Fact]
    public async Task Appended_entries_read_back_equal_with_sequences_1_2_3()
    {
        AuditEntry[] entries = [Entry(Noon, "conversation-1"), Entry(Noon.AddMinutes(1), null), Entry(Noon.AddMinutes(2), "conversation-1")];

        var appended = new List<AuditRecord>();
        foreach (var entry in entries)
        {
            appended.Add(await _trail.AppendAsync(entry, CancellationToken.None));
        }

        var read = await ReadAll(null, null);
        Assert.Equal([1L, 2L, 3L], appended.Select(record => record.Sequence));
        Assert.Equal([1L, 2L, 3L], read.Select(record => record.Sequence));
        Assert.All(entries.Zip(read), pair => AssertSameEntry(pair.First, pair.Second.Entry));
    }

    [Fact]
    public async Task Reading_a_window_returns_entries_from_since_up_to_but_not_at_until()
    {
        for (var minute = 0; minute < 5; minute++)
        {
            await _trail.AppendAsync(Entry(Noon.AddMinutes(minute), null), CancellationToken.None);
        }

        // The bounds are given in UTC, the entries at UTC+5: the window compares instants.
        var since = Noon.AddMinutes(1).ToUniversalTime();
        var until = Noon.AddMinutes(3).ToUniversalTime();

        Assert.Equal([2L, 3L], (await ReadAll(since, until)).Select(record => record.Sequence));
        Assert.Equal([1L, 2L, 3L], (await ReadAll(null, until)).Select(record => record.Sequence));
        Assert.Equal([2L, 3L, 4L, 5L], (await ReadAll(since, null)).Select(record => record.Sequence));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET question = 'изменено' WHERE sequence = 1")]
    [InlineData("DELETE FROM audit_log")]
    public async Task Changing_or_removing_rows_through_another_connection_fails_and_they_stay(string sql)
    {
        await _trail.AppendAsync(Entry(Noon, null), CancellationToken.None);
        await _trail.AppendAsync(Entry(Noon.AddMinutes(1), null), CancellationToken.None);
        using var connection = new SqliteConnection($"Data Source={_temporary.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains("audit_log is append-only", error.Message, StringComparison.Ordinal);
        var read = await ReadAll(null, null);
        Assert.Equal(2, read.Count);
        Assert.All(read, record => Assert.Equal("Какое наказание за кражу?", record.Entry.Question));
    }

    [Fact]
    public async Task Appending_goes_on_while_a_read_is_part_way_through()
    {
        await _trail.AppendAsync(Entry(Noon, null), CancellationToken.None);
        await _trail.AppendAsync(Entry(Noon.AddMinutes(1), null), CancellationToken.None);
        var reading = _trail.ReadAsync(null, null, CancellationToken.None).GetAsyncEnumerator();
        try
        {
            Assert.True(await reading.MoveNextAsync());

            var appended = await _trail.AppendAsync(Entry(Noon.AddMinutes(2), null), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(3, appended.Sequence);
        }
        finally
        {
            await reading.DisposeAsync();
        }
    }

    private async Task<List<AuditRecord>> ReadAll(DateTimeOffset? since, DateTimeOffset? until)
    {
        var records = new List<AuditRecord>();
        await foreach (var record in _trail.ReadAsync(since, until, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    private static AuditEntry Entry(DateTimeOffset at, string? conversationId) => new(
        at,
        "deputy.aliyev",
        "Deputy",
        conversationId,
        "Какое наказание за кражу?",
        ["K1400000226/art:188", "K1400000226/art:190", "K1500000414/art:52"],
        ["K1400000226/art:188"],
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    /// <summary>Entries hold lists, which records compare by reference.</summary>
    private static void AssertSameEntry(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal(
            (expected.At, expected.User, expected.Role, expected.ConversationId, expected.Question, expected.AnswerSha256),
            (actual.At, actual.User, actual.Role, actual.ConversationId, actual.Question, actual.AnswerSha256));
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Citations, actual.Citations);
    }
}
