using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Assistant.Api.Chat;
using Assistant.Api.Endpoints;
using Assistant.Api.Hosting;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;

namespace Assistant.Api.OpenAi;

/// <summary>
/// Completions of the <c>raglegal</c> model: a /v1/chat turn in OpenAI's shapes. The text carries the [n] markers;
/// <c>message.raglegal</c> (streaming: the final chunk's delta) carries the sources and the verified citations.
/// </summary>
internal static class GroundedCompletions
{
    public static async Task<IResult> CompleteAsync(
        CompletionRequest request, string user, string role, ChatTurns turns, ModelQueue queue, HttpContext http, IConversationStore conversations, ApiOptions options, CancellationToken cancellationToken)
    {
        if (request.ResponseFormat?.Type is "json_object" or "json_schema")
        {
            return OpenAiErrors.BadRequest(
                $"response_format {request.ResponseFormat.Type} is for the raw chat model: '{OpenAiEndpoints.GroundedModel}' answers in text with [n] markers, its grounding in message.raglegal.",
                "response_format");
        }

        var (prepared, error) = await ChatRequests.PrepareAsync(OpenAiEndpoints.AsChatRequest(request), user, role, conversations, options, ChatFace.OpenAi, cancellationToken);
        if (error is not null)
        {
            return OpenAiErrors.From(error);
        }

        var turn = prepared! with { Sampling = new AnswerSampling(request.Temperature, request.MaxCompletionTokens ?? request.MaxTokens) };
        var completion = new CompletionIdentity(OpenAiEndpoints.GroundedModel);
        var slot = await queue.AdmitAsync(http, cancellationToken);
        if (!slot.Entered)
        {
            return OpenAiErrors.From(queue.Busy(http));
        }

        if (request.Stream == true)
        {
            return TypedResults.ServerSentEvents(slot.HoldDuring(StreamAsync(turn, turns, completion, request.StreamOptions?.IncludeUsage == true, cancellationToken), cancellationToken));
        }

        try
        {
            using (slot)
            {
                var response = await turns.AnswerAsync(turn, cancellationToken);
                var message = new AssistantMessage(response.Answer.Answer, Grounding.Of(response.ConversationId, response.Sources, response.Answer, replacesStreamedText: false));
                var usage = new CompletionUsage(response.Done.Usage.PromptTokens, response.Done.Usage.OutputTokens);
                return Results.Json(new ChatCompletion(completion.Id, completion.Created, completion.Model, [new CompletionChoice(0, message, "stop")], usage), OpenAiJson.Options);
            }
        }
        catch (Exception e) when (ChatTurns.Failure(e) is { } failure)
        {
            return OpenAiErrors.From(queue.RetryLater(http, failure));
        }
    }

    /// <summary>
    /// The model's text as it comes, then, where verification changed it (a marker of no source removed, an answer that
    /// cited nothing turned into an abstention), the verified answer under a heading, so that a client reading only
    /// the text still ends on what was checked; then the grounding, usage if asked, and [DONE].
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        PreparedTurn turn, ChatTurns turns, CompletionIdentity completion, bool includeUsage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return completion.Chunk(new ChunkDelta(Role: "assistant", Content: string.Empty));
        var streamed = new StringBuilder();
        SourcesEvent? sources = null;
        UsageView? usage = null;
        // The status is sent: a failure travels as an error object in the stream, as OpenAI's does.
        await foreach (var step in GuardedStream.Of(turns.RunAsync(turn, cancellationToken), e => ChatTurns.Failure(e) ?? ChatTurns.Unexpected, cancellationToken))
        {
            if (step.Failure is { } failure)
            {
                yield return CompletionIdentity.Error(failure);
                yield break;
            }

            switch (step.Item.Data)
            {
                case SourcesEvent found:
                    sources = found;
                    break;
                case CitationsEvent answer:
                    var replaces = streamed.ToString() != answer.Answer;
                    if (replaces)
                    {
                        var verified = streamed.Length == 0 ? answer.Answer : "\n\n" + VerifiedHeading(answer.Lang) + "\n" + answer.Answer;
                        yield return completion.Chunk(new ChunkDelta(Content: verified));
                    }

                    yield return completion.Chunk(new ChunkDelta(Raglegal: Grounding.Of(turn.ConversationId, sources, answer, replaces && streamed.Length > 0)), "stop");
                    break;
                case DoneEvent done:
                    usage = done.Usage;
                    break;
                case DeltaEvent delta:
                    streamed.Append(delta.Text);
                    yield return completion.Chunk(new ChunkDelta(Content: delta.Text));
                    break;
            }
        }

        if (includeUsage && usage is not null)
        {
            yield return completion.Usage(new CompletionUsage(usage.PromptTokens, usage.OutputTokens));
        }

        yield return CompletionIdentity.Done;
    }

    private static string VerifiedHeading(string lang) => lang == "kk" ? "Тексерілген жауап:" : "Проверенный ответ:";
}

/// <summary>One completion's id, time and model, and the chunks of its stream.</summary>
internal sealed class CompletionIdentity(string model)
{
    public static SseItem<string> Done { get; } = new("[DONE]");

    public string Id { get; } = "chatcmpl-" + Guid.NewGuid().ToString("N");

    public long Created { get; } = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public string Model => model;

    public SseItem<string> Chunk(ChunkDelta delta, string? finishReason = null) =>
        Item(new ChatCompletionChunk(Id, Created, model, [new ChunkChoice(0, delta, finishReason)]));

    /// <summary>stream_options.include_usage: a last chunk with no choices and the usage.</summary>
    public SseItem<string> Usage(CompletionUsage usage) => Item(new ChatCompletionChunk(Id, Created, model, [], usage));

    public static SseItem<string> Error(ChatFailure failure) =>
        new(JsonSerializer.Serialize(new OpenAiErrorBody(new OpenAiError(failure.Detail.ToString(), failure.Status >= 500 ? "server_error" : "invalid_request_error", null, null)), OpenAiJson.Options));

    private static SseItem<string> Item(ChatCompletionChunk chunk) => new(JsonSerializer.Serialize(chunk, OpenAiJson.Options));
}
