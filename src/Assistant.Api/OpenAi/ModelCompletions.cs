using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using Assistant.Api.Chat;
using Assistant.Api.Endpoints;
using Assistant.Api.Hosting;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Microsoft.Extensions.AI;

namespace Assistant.Api.OpenAi;

/// <summary>
/// Completions of the raw chat model, for clients that need the model itself (drafting help, JSON by a schema):
/// the whole conversation, system prompt included, goes to it. Nothing is retrieved and nothing cited, and
/// <c>message.raglegal</c> says so; the turn is kept in the conversation and the audit like any other.
/// </summary>
internal static class ModelCompletions
{
    /// <summary>The raw model's id in /v1/models: its file name without the extension; null when none is loaded.</summary>
    public static string? Id(AnswerEngines engines) => engines.Chat is null ? null : Path.GetFileNameWithoutExtension(engines.ModelDetail);

    public static async Task<IResult> CompleteAsync(
        CompletionRequest request,
        string user,
        string role,
        IChatClient chat,
        string model,
        ModelOptions modelOptions,
        ChatTurns turns,
        ModelQueue queue,
        HttpContext http,
        IConversationStore conversations,
        ApiOptions options,
        CancellationToken cancellationToken)
    {
        var (format, badFormat) = Format(request.ResponseFormat);
        if (badFormat is not null)
        {
            return OpenAiErrors.BadRequest(badFormat, "response_format");
        }

        var (turn, error) = await ChatRequests.PrepareAsync(OpenAiEndpoints.AsChatRequest(request), user, role, conversations, options, ChatFace.OpenAi, cancellationToken);
        if (error is not null)
        {
            return OpenAiErrors.From(error);
        }

        var messages = request.Messages!.Select(m => new ChatMessage(Role(m.Role!), OpenAiEndpoints.MessageText(m.Content))).ToList();
        var chatOptions = new ChatOptions
        {
            Temperature = request.Temperature,
            MaxOutputTokens = Math.Min(modelOptions.MaxAnswerTokens, request.MaxCompletionTokens ?? request.MaxTokens ?? int.MaxValue),
            ResponseFormat = format,
        };
        var completion = new CompletionIdentity(model);
        var slot = await queue.AdmitAsync(http, cancellationToken);
        if (!slot.Entered)
        {
            return OpenAiErrors.From(queue.Busy(http));
        }

        if (request.Stream == true)
        {
            return TypedResults.ServerSentEvents(slot.HoldDuring(StreamAsync(chat, messages, chatOptions, turn!, turns, completion, request.StreamOptions?.IncludeUsage == true, cancellationToken), cancellationToken));
        }

        try
        {
            using (slot)
            {
                var response = await chat.GetResponseAsync(messages, chatOptions, cancellationToken);
                await turns.RecordModelAnswerAsync(turn!, response.Text, model, cancellationToken);
                var message = new AssistantMessage(response.Text, Grounding.Ungrounded(turn!.ConversationId, response.Text));
                var usage = new CompletionUsage(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
                return Results.Json(new ChatCompletion(completion.Id, completion.Created, model, [new CompletionChoice(0, message, FinishReason(response.FinishReason))], usage), OpenAiJson.Options);
            }
        }
        catch (Exception e) when (ChatTurns.Failure(e) is { } failure)
        {
            return OpenAiErrors.From(queue.RetryLater(http, failure));
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        IChatClient chat,
        List<ChatMessage> messages,
        ChatOptions chatOptions,
        PreparedTurn turn,
        ChatTurns turns,
        CompletionIdentity completion,
        bool includeUsage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return completion.Chunk(new ChunkDelta(Role: "assistant", Content: string.Empty));
        var text = new StringBuilder();
        var reply = new StreamedReply();
        ChatFinishReason? finish = null;
        await foreach (var step in GuardedStream.Of(chat.GetStreamingResponseAsync(messages, chatOptions, cancellationToken), ChatTurns.Failure, cancellationToken))
        {
            if (step.Failure is { } failure)
            {
                yield return CompletionIdentity.Error(failure);
                yield break;
            }

            finish = step.Item.FinishReason ?? finish;
            if (reply.Read(step.Item) is { } delta)
            {
                text.Append(delta);
                yield return completion.Chunk(new ChunkDelta(Content: delta));
            }
        }

        await turns.RecordModelAnswerAsync(turn, text.ToString(), completion.Model, cancellationToken);
        yield return completion.Chunk(new ChunkDelta(Raglegal: Grounding.Ungrounded(turn.ConversationId, text.ToString())), FinishReason(finish));
        if (includeUsage)
        {
            yield return completion.Usage(new CompletionUsage(reply.PromptTokens, reply.OutputTokens));
        }

        yield return CompletionIdentity.Done;
    }

    /// <summary>response_format → the model's grammar: json_object any JSON, json_schema JSON by that schema.</summary>
    private static (ChatResponseFormat? Format, string? Error) Format(ResponseFormat? format) => format?.Type switch
    {
        null or "text" => (null, null),
        "json_object" => (ChatResponseFormat.Json, null),
        "json_schema" when format.JsonSchema?.Schema is { ValueKind: System.Text.Json.JsonValueKind.Object } schema =>
            (ChatResponseFormat.ForJsonSchema(schema, format.JsonSchema.Name, format.JsonSchema.Description), null),
        "json_schema" => (null, "response_format json_schema needs json_schema.schema, a JSON Schema object."),
        _ => (null, $"response_format type '{format.Type}' is unknown: use text, json_object or json_schema."),
    };

    private static ChatRole Role(string role) => role switch
    {
        "system" or "developer" => ChatRole.System,
        "assistant" => ChatRole.Assistant,
        _ => ChatRole.User,
    };

    private static string FinishReason(ChatFinishReason? reason) => reason == ChatFinishReason.Length ? "length" : "stop";
}
