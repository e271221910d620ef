namespace Assistant.Core.Conversations;

/// <summary>Who said a message of a conversation.</summary>
public enum ConversationRole
{
    User,
    Assistant,
}

/// <summary>One message of a chat conversation, as kept between turns.</summary>
public sealed record ConversationMessage(ConversationRole Role, string Content, DateTimeOffset At);
