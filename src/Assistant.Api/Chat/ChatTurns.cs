using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Api.Hosting;
using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Assistant.Core.Audit;
using Assistant.Core.Conversations;
using Assistant.Inference.Llama;

namespace Assistant.Api.Chat;

/// <summary>
/// One chat turn from question to record: answers through <see cref="GroundedAnswerer"/>, then keeps the turn in
/// the conversation and the audit trail. The same events feed the SSE stream and the single JSON response.
/// </summary>
internal sealed partial class ChatTurns(GroundedAnswerer answerer, INormRetriever retriever, IConversationStore conversations, IAuditTrail audit, ProblemLanguage language, ILogger<ChatTurns> logger)
{
    /// <summary>The turn's events as SSE items; a failure after the stream began becomes an `error` event.</summary>
    public async IAsyncEnumerable<SseItem<string>> StreamAsync(PreparedTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Func<Exception, ChatFailure?> failure = e =>
        {
            TurnFailed(logger, e, turn.ConversationId);
            return Failure(e) ?? Unexpected;
        };
        await foreach (var step in GuardedStream.Of(RunAsync(turn, cancellationToken), failure, cancellationToken))
        {
            if (step.Failure is { } failed)
            {
                yield return Item("error", new { failed.Status, Title = language.Title(failed.Title), Detail = language.Say(failed.Detail) });
                yield break;
            }

            yield return Item(step.Item.Type, step.Item.Data);
        }
    }

    /// <summary>The whole turn as one response.</summary>
    public async Task<ChatResponse> AnswerAsync(PreparedTurn turn, CancellationToken cancellationToken)
    {
        SourcesEvent? sources = null;
        CitationsEvent? answer = null;
        DoneEvent? done = null;
        await foreach (var (_, data) in RunAsync(turn, cancellationToken))
        {
            switch (data)
            {
                case SourcesEvent found:
                    sources = found;
                    break;
                case CitationsEvent verified:
                    answer = verified;
                    break;
                case DoneEvent finished:
                    done = finished;
                    break;
            }
        }

        return new ChatResponse(turn.ConversationId, sources!, answer!, done!);
    }

    /// <summary>What the client is told of a failure that <see cref="Failure"/> does not know; the failure itself is logged.</summary>
    public static ChatFailure Unexpected { get; } = new(StatusCodes.Status500InternalServerError, "Answer failed", "The answer failed on the server; the failure is logged.");

    /// <summary>A problem the client can act on, for the exceptions a turn may end with; null for the unexpected.</summary>
    public static ChatFailure? Failure(Exception exception) => exception switch
    {
        LlamaEngineBusyException => new ChatFailure(StatusCodes.Status503ServiceUnavailable, "Busy", "The model is serving as many conversations as it can; try again shortly."),
        LlamaException llama => new ChatFailure(StatusCodes.Status500InternalServerError, "Generation failed", llama.Message),
        _ => null,
    };

    /// <summary>The turn's events, typed: sources, deltas, the verified answer, usage; the turn is recorded before the answer is yielded.</summary>
    public async IAsyncEnumerable<(string Type, object Data)> RunAsync(PreparedTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new AnswerRequest(turn.Question, turn.History, turn.Language, turn.Filters, turn.Sampling);
        IReadOnlyList<AnswerSource> sources = [];
        await foreach (var step in answerer.AnswerAsync(request, cancellationToken))
        {
            switch (step)
            {
                case SourcesFound found:
                    sources = found.Sources;
                    yield return ("sources", new SourcesEvent(
                        turn.ConversationId,
                        retriever.Mode,
                        found.RetrievalQuery,
                        [.. found.Sources.Select(SourceView.From)],
                        [.. found.Rewrite.Queries.Select(q => new RewriteView(q.Kind, q.Text))],
                        found.Rewrite.SkippedBecause));
                    break;
                case AnswerDelta delta:
                    yield return ("delta", new DeltaEvent(delta.Text));
                    break;
                case AnswerCompleted completed:
                    var result = completed.Result;
                    await RecordAsync(turn, sources, result, cancellationToken);
                    yield return ("citations", new CitationsEvent(
                        result.Text,
                        result.Mode,
                        result.Language.ToCode(),
                        [.. result.Citations.Select(CitationView.From)],
                        result.RemovedMarkers,
                        [.. result.Closest.Select(CitationView.From)],
                        result.AbstentionReason));
                    yield return ("done", new DoneEvent(new UsageView(result.Usage.PromptTokens, result.Usage.OutputTokens), TimingsView.From(result.Timings)));
                    break;
            }
        }
    }

    private async Task RecordAsync(PreparedTurn turn, IReadOnlyList<AnswerSource> sources, AnswerResult result, CancellationToken cancellationToken)
    {
        var sequence = await KeepAsync(turn, [.. sources.Select(s => s.NormId.ToString())], [.. result.Citations.Select(c => c.NormId.ToString())], result.Text, cancellationToken);
        TurnAnswered(logger, turn.ConversationId, result.Mode, result.Citations.Count, sequence, result.Timings.Total.TotalMilliseconds);
    }

    /// <summary>Keeps a turn answered by the raw model, which rests on no sources, like any other: conversation and audit.</summary>
    public async Task RecordModelAnswerAsync(PreparedTurn turn, string answer, string model, CancellationToken cancellationToken)
    {
        var sequence = await KeepAsync(turn, [], [], answer, cancellationToken);
        ModelTurnAnswered(logger, turn.ConversationId, model, sequence);
    }

    private async Task<long> KeepAsync(PreparedTurn turn, IReadOnlyList<string> sources, IReadOnlyList<string> citations, string answer, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await conversations.AppendAsync(
            turn.ConversationId,
            [new ConversationMessage(ConversationRole.User, turn.Question, now), new ConversationMessage(ConversationRole.Assistant, answer, now)],
            cancellationToken);
        var hash = AuditEntry.HashOf(answer);
        var entry = await audit.AppendAsync(new AuditEntry(now, turn.User, turn.Role, turn.ConversationId, turn.Question, sources, citations, hash), cancellationToken);
        return entry.Sequence;
    }

    private static SseItem<string> Item(string type, object data) => new(JsonSerializer.Serialize(data, ApiJson.Options), type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat turn in {ConversationId}: {Mode} with {Citations} citations, audit #{AuditSequence}, {Milliseconds:F0} ms")]
    private static partial void TurnAnswered(ILogger logger, string conversationId, AnswerMode mode, int citations, long auditSequence, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat turn in {ConversationId} answered by the raw model {Model}, ungrounded, audit #{AuditSequence}")]
    private static partial void ModelTurnAnswered(ILogger logger, string conversationId, string model, long auditSequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chat turn in {ConversationId} failed")]
    private static partial void TurnFailed(ILogger logger, Exception exception, string conversationId);
}

/// <summary>Why a turn failed: the `error` event of a stream, or the problem of a single response.</summary>
internal sealed record ChatFailure(int Status, string Title, ProblemText Detail)
{
    /// <summary>The failure as a problem in the caller's language.</summary>
    public IResult ToProblem() => Problems.TypedProblem(Status, Title, Detail, null);
}

/// <summary>A validated chat request: the question, its conversation and who asks.</summary>
internal sealed record PreparedTurn(
    string ConversationId,
    string Question,
    IReadOnlyList<ConversationMessage> History,
    Language? Language,
    RetrievalFilters Filters,
    string User,
    string Role)
{
    /// <summary>Sampling the caller asked for (the OpenAI-compatible face passes temperature and max_tokens).</summary>
    public AnswerSampling? Sampling { get; init; }
}
