using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Conversations;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Answers;

/// <summary>The messages the model is given: instructions, the recent conversation, numbered sources and the question.</summary>
internal static class AnswerPrompt
{
    public static List<ChatMessage> Messages(string question, IReadOnlyList<AnswerSource> sources, IReadOnlyList<ConversationMessage> history, Language language, AnswerOptions options)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, AnswerTexts.SystemPrompt(language)) };
        foreach (var message in history.TakeLast(options.HistoryMessages))
        {
            messages.Add(new ChatMessage(message.Role == ConversationRole.User ? ChatRole.User : ChatRole.Assistant, message.Content));
        }

        var user = new StringBuilder(AnswerTexts.SourcesHeading(language)).Append('\n');
        foreach (var source in sources)
        {
            var text = source.Text.Length > options.MaxSourceCharacters ? source.Text[..options.MaxSourceCharacters] + "…" : source.Text;
            user.Append(CultureInfo.InvariantCulture, $"[{source.Number}] {source.Citation}");
            if (!string.IsNullOrEmpty(source.Heading))
            {
                user.Append(". ").Append(source.Heading);
            }

            user.Append('\n').Append(text).Append("\n\n");
        }

        user.Append(AnswerTexts.QuestionHeading(language)).Append(' ').Append(question);
        messages.Add(new ChatMessage(ChatRole.User, user.ToString()));
        return messages;
    }

    /// <summary>
    /// GBNF for answers made of claims that each open with the marker of a given source: «[2] Кража наказывается
    /// штрафом.» The marker comes first, so an answer cut short by the token limit still cites its source.
    /// </summary>
    public static string CitedClaimsGrammar(int sourceCount)
    {
        var numbers = string.Join(" | ", Enumerable.Range(1, sourceCount).Select(n => string.Create(CultureInfo.InvariantCulture, $"\"{n}\"")));
        return $"""
            root ::= claim (" " claim)*
            claim ::= "[" source "] " text "."
            text ::= [^\[\]\n.]+
            source ::= {numbers}
            """;
    }
}
