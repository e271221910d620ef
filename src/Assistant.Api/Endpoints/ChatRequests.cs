using Assistant.Api.Chat;
using Assistant.Api.Hosting;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Editions;

namespace Assistant.Api.Endpoints;

/// <summary>What is wrong with a request: the status it gets, what to fix and, where one is to blame, the parameter.</summary>
internal sealed record RequestError(int Status, string Detail, string? Parameter = null)
{
    public static RequestError BadRequest(string detail, string? parameter = null) => new(StatusCodes.Status400BadRequest, detail, parameter);

    public IResult ToProblem() => Status == StatusCodes.Status404NotFound
        ? Problems.NotFound(Detail)
        : Problems.TypedProblem(Status, "Invalid request", Detail, Parameter);
}

/// <summary>
/// Turns a chat request into a turn, for /v1/chat and /v1/chat/completions alike: the question last, the history
/// before it (a stored conversation's first), the language, the filters and the date the law is taken as of.
/// </summary>
internal static class ChatRequests
{
    public static async Task<(PreparedTurn? Turn, RequestError? Error)> PrepareAsync(
        ChatRequest request, string user, string role, IConversationStore conversations, ApiOptions options, CancellationToken cancellationToken)
    {
        if (request.Messages is not { Count: > 0 } messages)
        {
            return (null, RequestError.BadRequest("messages is empty: give at least the question as a message with role \"user\".", "messages"));
        }

        var history = new List<ConversationMessage>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (!Enum.TryParse<ConversationRole>(messages[i].Role, ignoreCase: true, out var messageRole) || int.TryParse(messages[i].Role, out _))
            {
                return (null, RequestError.BadRequest($"messages[{i}].role is '{messages[i].Role}': use \"user\" or \"assistant\".", $"messages[{i}].role"));
            }

            history.Add(new ConversationMessage(messageRole, messages[i].Content ?? string.Empty, DateTimeOffset.UtcNow));
        }

        var question = history[^1];
        if (question.Role != ConversationRole.User)
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

        history.RemoveAt(history.Count - 1);
        string conversationId;
        if (string.IsNullOrWhiteSpace(request.ConversationId))
        {
            conversationId = await conversations.StartAsync(user, cancellationToken);
        }
        else if (await conversations.GetAsync(request.ConversationId, user, cancellationToken) is { } stored)
        {
            conversationId = request.ConversationId;
            history = [.. stored, .. history];
        }
        else
        {
            return (null, new RequestError(StatusCodes.Status404NotFound, $"No conversation '{request.ConversationId}' of yours exists; leave conversationId out to start one.", "conversationId"));
        }

        var filters = new RetrievalFilters(filterLanguage, string.IsNullOrWhiteSpace(request.Filters?.Act) ? null : request.Filters.Act, asOf);
        return (new PreparedTurn(conversationId, question.Content.Trim(), history, language, filters, user, role), null);
    }
}
