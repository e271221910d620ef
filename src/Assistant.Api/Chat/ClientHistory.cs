using System.Text;
using Assistant.Api.Endpoints;
using Assistant.Core.Acts;
using Assistant.Core.Conversations;

namespace Assistant.Api.Chat;

/// <summary>Which face a chat request came through; they trust a client's history differently.</summary>
internal enum ChatFace
{
    /// <summary>POST /v1/chat: the server keeps the conversation, so it needs no history from the client.</summary>
    Chat,

    /// <summary>POST /v1/chat/completions: OpenAI's clients send the whole history with every question.</summary>
    OpenAi,
}

/// <summary>
/// The history a turn builds on. The assistant's turns are the server's word: a client could otherwise put a claim in
/// the assistant's mouth for later answers to build on. With a conversation id, the stored conversation is the
/// history, and a client's earlier messages add nothing to it: each assistant turn among them must be one the server
/// said in that conversation (whitespace aside), or the request is refused naming it. Without one, /v1/chat refuses
/// assistant turns, as the server has said nothing yet; the OpenAI face, stateless by nature, passes them on only as
/// quotations inside user turns, marked as unverified, never as the assistant's own words.
/// </summary>
internal static class ClientHistory
{
    /// <param name="sent">The client's messages before its question, each with its index in the request's messages.</param>
    /// <param name="stored">The stored conversation, or null for a new one.</param>
    public static (IReadOnlyList<ConversationMessage>? History, RequestError? Error) Check(
        IReadOnlyList<(int Index, ConversationMessage Message)> sent, string? conversationId, IReadOnlyList<ConversationMessage>? stored, ChatFace face, Language language)
    {
        if (stored is not null)
        {
            var said = stored.Where(m => m.Role == ConversationRole.Assistant).Select(m => Normalized(m.Content)).ToHashSet(StringComparer.Ordinal);
            foreach (var (index, message) in sent)
            {
                if (message.Role == ConversationRole.Assistant && !said.Contains(Normalized(message.Content)))
                {
                    return (null, RequestError.BadRequest(
                        $"messages[{index}] is an assistant turn the assistant did not give in conversation '{conversationId}'. The server keeps the conversation: send only the new question, or earlier turns exactly as it gave them.",
                        $"messages[{index}]"));
                }
            }

            return (stored, null);
        }

        var history = new List<ConversationMessage>(sent.Count);
        foreach (var (index, message) in sent)
        {
            if (message.Role == ConversationRole.User)
            {
                history.Add(message);
            }
            else if (face == ChatFace.OpenAi)
            {
                history.Add(message with { Role = ConversationRole.User, Content = Quoted(message.Content, language) });
            }
            else
            {
                return (null, RequestError.BadRequest(
                    $"messages[{index}] is an assistant turn, but the conversation is new and the assistant has said nothing in it. Send earlier questions as user messages, or continue a conversation by its conversationId.",
                    $"messages[{index}]"));
            }
        }

        return (history, null);
    }

    /// <summary>A reply the client says it got, as the user's words: the model reads it as a claim to check, not as its own.</summary>
    internal static string Quoted(string reply, Language language) =>
        language == Language.Kk
            ? $"Клиент келтірген, сервер тексермеген бұрынғы жауап: «{reply}»"
            : $"Предыдущий ответ в передаче клиента, сервером не проверенный: «{reply}»";

    /// <summary>Runs of whitespace as one space, ends trimmed: a client may re-wrap what it shows.</summary>
    internal static string Normalized(string text)
    {
        var normalized = new StringBuilder(text.Length);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            normalized.Append(normalized.Length == 0 ? string.Empty : " ").Append(word);
        }

        return normalized.ToString();
    }
}
