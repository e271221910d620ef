using Assistant.Core.Acts;
using Assistant.Core.Answers;

namespace Assistant.Api.Chat;

/// <param name="Messages">The conversation so far, the question last (role "user"); with a conversation id, only the new question is needed.</param>
/// <param name="Stream">Server-Sent Events (default) or one JSON response.</param>
/// <param name="AsOf">Answer from the law as it stood on this date (YYYY-MM-DD); sources from older editions name them.</param>
public sealed record ChatRequest(string? ConversationId, IReadOnlyList<ChatRequestMessage>? Messages, string? Lang, ChatFilters? Filters, bool? Stream, string? AsOf = null);

public sealed record ChatRequestMessage(string? Role, string? Content);

/// <param name="Act">Only norms of this act.</param>
/// <param name="Lang">Only norms in this language.</param>
public sealed record ChatFilters(string? Act, string? Lang);

public sealed record SourceView(int N, string NormId, string Lang, string Citation, string? Heading, bool NamedInQuery)
{
    public static SourceView From(AnswerSource source) =>
        new(source.Number, source.NormId.ToString(), source.Language.ToCode(), source.Citation, source.Heading, source.NamedInQuery);
}

public sealed record CitationView(int N, string NormId, string Citation)
{
    public static CitationView From(AnswerCitation citation) => new(citation.Number, citation.NormId.ToString(), citation.Citation);
}

/// <summary>The `sources` event: what the answer may cite.</summary>
/// <param name="Rewrites">What the question was also searched as, by the chat model: «legal» terms, «russian» for a Kazakh question.</param>
/// <param name="RewriteSkipped">Why the question was searched as asked only; null when it was rewritten.</param>
public sealed record SourcesEvent(
    string ConversationId,
    string Retrieval,
    string RetrievalQuery,
    IReadOnlyList<SourceView> Sources,
    IReadOnlyList<RewriteView> Rewrites,
    string? RewriteSkipped);

public sealed record RewriteView(string Kind, string Text);

/// <summary>The `delta` event: a piece of the answer as the model writes it, before verification.</summary>
public sealed record DeltaEvent(string Text);

/// <summary>The `citations` event: the verified answer, which replaces the streamed deltas.</summary>
public sealed record CitationsEvent(
    string Answer,
    AnswerMode Mode,
    string Lang,
    IReadOnlyList<CitationView> Citations,
    IReadOnlyList<string> RemovedCitations,
    IReadOnlyList<CitationView> Closest,
    string? AbstentionReason);

public sealed record UsageView(long PromptTokens, long OutputTokens);

public sealed record TimingsView(double RetrievalMs, double FirstTokenMs, double GenerationMs, double TotalMs)
{
    public static TimingsView From(AnswerTimings timings) =>
        new(Math.Round(timings.Retrieval.TotalMilliseconds, 1), Math.Round(timings.FirstToken.TotalMilliseconds, 1), Math.Round(timings.Generation.TotalMilliseconds, 1), Math.Round(timings.Total.TotalMilliseconds, 1));
}

public sealed record DoneEvent(UsageView Usage, TimingsView Timings);

/// <summary>The whole answer when the request asked for no stream.</summary>
public sealed record ChatResponse(string ConversationId, SourcesEvent Sources, CitationsEvent Answer, DoneEvent Done);
