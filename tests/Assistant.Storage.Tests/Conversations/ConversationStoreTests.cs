using Assistant.Core.Conversations;
using Assistant.Storage.Conversations;
using Assistant.Storage.Tests.Catalog;

namespace Assistant.Storage.Tests.Conversations;

public sealed class ConversationStoreTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(5));

    private readonly TemporaryCatalog _temporary = new();
    private readonly ConversationStore _store;

    public ConversationStoreTests() => _store = ConversationStore.Open(_temporary.FilePath);

    public void Dispose()
    {
        _store.Dispose();
        _temporary.Dispose();
    }

    [Fact]
    public async Task A_started_conversation_has_a_new_guid_id_and_no_messages()
    {
        var first = await _store.StartAsync("deputy.aliyev", CancellationToken.None);
        var second = await _store.StartAsync("deputy.aliyev", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(first, Guid.ParseExact(first, "N").ToString("N"));
        Assert.Empty((await _store.GetAsync(first, "deputy.aliyev", CancellationToken.None))!);
    }

    [Fact]
    public async Task Appended_messages_come_back_oldest_first_with_their_instants()
    {
        var id = await _store.StartAsync("deputy.aliyev", CancellationToken.None);
        ConversationMessage[] turn1 =
        [
            new(ConversationRole.User, "Какое наказание за кражу?", Morning),
            new(ConversationRole.Assistant, "Согласно ст. 188 УК РК — штраф.", Morning.AddSeconds(2.5)),
        ];
        ConversationMessage[] turn2 = [new(ConversationRole.User, "А за мошенничество?", Morning.AddMinutes(1))];

        await _store.AppendAsync(id, turn1, CancellationToken.None);
        await _store.AppendAsync(id, turn2, CancellationToken.None);

        Assert.Equal([.. turn1, .. turn2], (await _store.GetAsync(id, "deputy.aliyev", CancellationToken.None))!);
    }

    [Fact]
    public async Task An_unknown_id_or_another_owner_gets_nothing()
    {
        var id = await _store.StartAsync("deputy.aliyev", CancellationToken.None);
        await _store.AppendAsync(id, [new(ConversationRole.User, "Вопрос", Morning)], CancellationToken.None);

        Assert.Null(await _store.GetAsync(id, "expert.nurlanova", CancellationToken.None));
        Assert.Null(await _store.GetAsync(Guid.NewGuid().ToString("N"), "deputy.aliyev", CancellationToken.None));
    }

    [Fact]
    public async Task Appending_to_an_unknown_conversation_fails_naming_its_id()
    {
        var id = Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(
            () => _store.AppendAsync(id, [new(ConversationRole.User, "Вопрос", Morning)], CancellationToken.None));

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_content_is_refused_with_the_rest_of_its_turn()
    {
        var id = await _store.StartAsync("deputy.aliyev", CancellationToken.None);
        ConversationMessage[] broken = [new(ConversationRole.User, "Вопрос", Morning), new(ConversationRole.Assistant, null!, Morning)];

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AppendAsync(id, broken, CancellationToken.None));

        Assert.Empty((await _store.GetAsync(id, "deputy.aliyev", CancellationToken.None))!);
    }

    [Fact]
    public async Task Conversations_outlive_the_store_that_started_them()
    {
        var id = await _store.StartAsync("deputy.aliyev", CancellationToken.None);
        await _store.AppendAsync(id, [new(ConversationRole.User, "Вопрос", Morning)], CancellationToken.None);

        using var reopened = ConversationStore.Open(_temporary.FilePath);

        Assert.Single((await reopened.GetAsync(id, "deputy.aliyev", CancellationToken.None))!);
    }

    [Fact]
    public async Task Many_callers_at_once_each_keep_their_own_conversation()
    {
        var owners = Enumerable.Range(0, 32).Select(number => "user" + number).ToList();

        var conversations = await Task.WhenAll(owners.Select(owner => Task.Run(async () =>
        {
            var id = await _store.StartAsync(owner, CancellationToken.None);
            for (var turn = 0; turn < 5; turn++)
            {
                await _store.AppendAsync(id, [new(ConversationRole.User, owner + " " + turn, Morning.AddMinutes(turn))], CancellationToken.None);
            }

            return (Owner: owner, Id: id);
        })));

        foreach (var (owner, id) in conversations)
        {
            var messages = (await _store.GetAsync(id, owner, CancellationToken.None))!;
            Assert.Equal(Enumerable.Range(0, 5).Select(turn => owner + " " + turn), messages.Select(message => message.Content));
        }
    }
}
