namespace Assistant.Core.Conversations;

/// <summary>A conversation as its owner's list shows it: the first question names it.</summary>
public sealed record ConversationSummary(string Id, DateTimeOffset StartedAt, DateTimeOffset LastAt, string FirstQuestion, int Messages);
