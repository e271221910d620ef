using Assistant.Api.Chat;
using Assistant.Api.Hosting;
using Assistant.Core.Adilet;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Editions;

namespace Assistant.Api.Endpoints;

/// <summary>What is wrong with a request: the status it gets, what to fix and, where one is to blame, the parameter.</summary>
internal sealed record RequestError(int Status, ProblemText Detail, string? Parameter = null)
{
    public static RequestError BadRequest(ProblemText detail, string? parameter = null) => new(StatusCodes.Status400BadRequest, detail, parameter);

    public IResult ToProblem() => Status == StatusCodes.Status404NotFound
        ? Problems.NotFound(Detail)
        : Problems.TypedProblem(Status, "Invalid request", Detail, Parameter);
}

/// <summary>
/// Turns a chat request into a turn, for /v1/chat and /v1/chat/completions alike: the question last, the history
/// before it (a stored conversation's, <see cref="ClientHistory"/>), the language, the filters and the date the law is
/// taken as of.
/// </summary>
internal static class ChatRequests
{
    public static async Task<(PreparedTurn? Turn, RequestError? Error)> PrepareAsync(
        ChatRequest request, string user, string role, IConversationStore conversations, ApiOptions options, ChatFace face, CancellationToken cancellationToken)
    {
        if (request.Messages is not { Count: > 0 } messages)
        {
            return (null, RequestError.BadRequest("messages is empty: give at least the question as a message with role \"user\".", "messages"));
        }

        var sent = new List<(int Index, ConversationMessage Message)>();
        for (var i = 0; i < messages.Count; i++)
        {
            // The OpenAI face's system prompts are the caller's; they stay out of a grounded answer.
            if (face == ChatFace.OpenAi && messages[i].Role is "system" or "developer")
            {
                continue;
            }

            if (!Enum.TryParse<ConversationRole>(messages[i].Role, ignoreCase: true, out var messageRole) || int.TryParse(messages[i].Role, out _))
            {
                return (null, RequestError.BadRequest($"messages[{i}].role is '{messages[i].Role}': use \"user\" or \"assistant\".", $"messages[{i}].role"));
            }

            sent.Add((i, new ConversationMessage(messageRole, messages[i].Content ?? string.Empty, DateTimeOffset.UtcNow)));
        }

        if (sent is not [.., (_, { Role: ConversationRole.User } question)])
        {
            return (null, RequestError.BadRequest("The last message must be the question, with role \"user\".", "messages"));
        }

        if (RequestValidation.QuestionError(question.Content, "question", options) is { } badQuestion)
        {
            return (null, RequestError.BadRequest(badQuestion, "question"));
        }

        if (RequestValidation.LanguageError(request.Lang, out var language) is { } badLanguage)
        {
            return (null, RequestError.BadRequest(badLanguage, "lang"));
        }

        if (RequestValidation.LanguageError(request.Filters?.Lang, out var filterLanguage) is { } badFilter)
        {
            return (null, RequestError.BadRequest(badFilter, "lang"));
        }

        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(request.AsOf))
        {
            try
            {
                asOf = EditionDates.ParseAsOf(request.AsOf);
            }
            catch (FormatException e)
            {
                return (null, RequestError.BadRequest(e.Message, "asOf"));
            }
        }

        IReadOnlyList<ConversationMessage>? stored = null;
        if (!string.IsNullOrWhiteSpace(request.ConversationId))
        {
            stored = await conversations.GetAsync(request.ConversationId, user, cancellationToken);
            if (stored is null)
            {
                return (null, new RequestError(StatusCodes.Status404NotFound, $"No conversation '{request.ConversationId}' of yours exists; leave conversationId out to start one.", "conversationId"));
            }
        }

        var (history, badHistory) = ClientHistory.Check(sent[..^1], request.ConversationId, stored, face, language ?? ScriptLanguage.Detect(question.Content));
        if (badHistory is not null)
        {
            return (null, badHistory);
        }

        var conversationId = stored is null ? await conversations.StartAsync(user, cancellationToken) : request.ConversationId!;
        var filters = new RetrievalFilters(filterLanguage, string.IsNullOrWhiteSpace(request.Filters?.Act) ? null : request.Filters.Act, asOf);
        return (new PreparedTurn(conversationId, question.Content.Trim(), history!, language, filters, user, role), null);
    }
}
