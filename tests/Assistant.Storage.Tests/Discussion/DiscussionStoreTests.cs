using Assistant.Core.Acts;
using Assistant.Core.Discussion;
using Assistant.Storage.Discussion;
using Assistant.Storage.Tests.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Tests.Discussion;

public sealed class DiscussionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.FromHours(5));

    private readonly TemporaryCatalog _temporary = new();
    private readonly DiscussionStore _store;

    public DiscussionStoreTests() => _store = DiscussionStore.Open(_temporary.FilePath);

    public void Dispose()
    {
        _store.Dispose();
        _temporary.Dispose();
    }

    [Fact]
    public async Task A_comment_is_moderated_once_and_its_original_forgotten()
    {
        var comment = await _store.AddCommentAsync(Comment("draft-1", original: "Меня зовут Ержан"), CancellationToken.None);

        var published = await _store.ModerateAsync(comment.Id, CommentStatus.Published, "moderator.dana", null, Noon, CancellationToken.None);
        var second = await _store.ModerateAsync(comment.Id, CommentStatus.Rejected, "moderator.other", "спам", Noon, CancellationToken.None);

        Assert.Equal(CommentStatus.Published, published!.Status);
        Assert.Null(published.Original);
        Assert.Equal("moderator.dana", published.ModeratedBy);
        Assert.Null(second);
    }

    [Fact]
    public async Task A_visitor_supports_a_comment_once()
    {
        var comment = await _store.AddCommentAsync(Comment("draft-1"), CancellationToken.None);

        var first = await _store.SupportAsync(comment.Id, "visitor-a", Noon, CancellationToken.None);
        var again = await _store.SupportAsync(comment.Id, "visitor-a", Noon, CancellationToken.None);
        var other = await _store.SupportAsync(comment.Id, "visitor-b", Noon, CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Null(again);
        Assert.Equal(2, other);
        Assert.Equal(2, (await _store.GetCommentAsync(comment.Id, CancellationToken.None))!.Supports);
    }

    [Fact]
    public async Task A_new_closing_date_keeps_the_first_publication()
    {
        await _store.PublishAsync(new Publication("draft-1", Noon, "expert.a", Noon.AddDays(7)), CancellationToken.None);

        var moved = await _store.PublishAsync(new Publication("draft-1", Noon.AddDays(1), "expert.b", Noon.AddDays(14)), CancellationToken.None);

        Assert.Equal(new Publication("draft-1", Noon, "expert.a", Noon.AddDays(14)), moved);
    }

    [Fact]
    public async Task The_moderation_log_refuses_changes_and_deletions()
    {
        await _store.AppendModerationAsync(new ModerationAction(Noon, "moderator.dana", "moderator", ModerationActionKind.RejectComment, "draft-1", 1, "спам"), CancellationToken.None);
        using var connection = new SqliteConnection($"Data Source={_temporary.FilePath};Pooling=False");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE moderation_log SET detail = 'ok'";
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM moderation_log";

        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => update.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Equal("спам", (await _store.ModerationLogAsync(10, CancellationToken.None))[0].Action.Detail);
    }

    [Fact]
    public async Task The_visitor_salt_survives_reopening()
    {
        var salt = _store.VisitorSalt.ToArray();
        using var reopened = DiscussionStore.Open(_temporary.FilePath);

        Assert.Equal(32, salt.Length);
        Assert.Equal(salt, reopened.VisitorSalt.ToArray());
    }

    private static Comment Comment(string draft, string? original = null) =>
        new(0, draft, "1", null, "Срок расследования нужно сократить.", original, original is null ? [] : [PersonalDataKind.Name], Language.Ru, CommentStatus.Pending, Noon, "visitor", "срок расследован сократ");
}
