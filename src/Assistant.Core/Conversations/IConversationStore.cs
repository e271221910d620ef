namespace Assistant.Core.Conversations;

/// <summary>Chat conversations kept between turns, each owned by the user who started it.</summary>
public interface IConversationStore
{
    /// <summary>Starts a conversation owned by <paramref name="owner"/>; returns its new id.</summary>
    Task<string> StartAsync(string owner, CancellationToken cancellationToken);

    /// <summary>The conversation's messages, oldest first; null when it does not exist or belongs to someone else.</summary>
    Task<IReadOnlyList<ConversationMessage>?> GetAsync(string conversationId, string owner, CancellationToken cancellationToken);

    /// <summary>The owner's conversations that have messages, the latest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(string owner, int limit, CancellationToken cancellationToken);

    /// <summary>Adds messages at the end of an existing conversation, all or none.</summary>
    /// <exception cref="KeyNotFoundException">No conversation has this id.</exception>
    Task AppendAsync(string conversationId, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken);
}
