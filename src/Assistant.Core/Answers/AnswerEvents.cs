using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Answers;

/// <summary>One step of an answer as it is produced: sources, pieces of text, then the verified result.</summary>
public abstract record AnswerEvent;

/// <summary>The numbered sources the answer may cite, [1] first.</summary>
public sealed record SourcesFound(IReadOnlyList<AnswerSource> Sources, string RetrievalQuery) : AnswerEvent
{
    /// <summary>What the question was also searched as (in legal terms, in Russian), or why it was searched as asked only.</summary>
    public QuestionRewrite Rewrite { get; init; } = QuestionRewrite.Skipped(GroundedAnswerer.RewritingOff);
}

/// <summary>A piece of the answer's text as the model writes it, before verification.</summary>
public sealed record AnswerDelta(string Text) : AnswerEvent;

/// <summary>The verified answer; its <see cref="AnswerResult.Text"/> replaces the streamed pieces.</summary>
public sealed record AnswerCompleted(AnswerResult Result) : AnswerEvent;

/// <param name="Number">The n of the [n] the answer cites it by.</param>
public sealed record AnswerSource(int Number, NormId NormId, Language Language, string Citation, string? Heading, string Text, bool NamedInQuery);

/// <summary>How the answer was made.</summary>
public enum AnswerMode
{
    /// <summary>Written by the chat model from the sources.</summary>
    Generated,

    /// <summary>No model: the sentences of the sources that match the question.</summary>
    Extract,

    /// <summary>The index gave no basis: the fixed abstention with the closest norms.</summary>
    Abstention,
}

public sealed record AnswerCitation(int Number, NormId NormId, string Citation);

/// <param name="Text">The answer as verified: markers of sources it was not given removed.</param>
/// <param name="Citations">Sources the answer cites, in the order of their numbers; always a subset of the sources.</param>
/// <param name="RemovedMarkers">Markers the model wrote that named no source given to it («[7]»).</param>
/// <param name="Closest">For an abstention: the nearest norms found, for the reader to check.</param>
/// <param name="AbstentionReason">Why the answer abstained; null otherwise.</param>
public sealed record AnswerResult(
    AnswerMode Mode,
    Language Language,
    string Text,
    IReadOnlyList<AnswerCitation> Citations,
    IReadOnlyList<string> RemovedMarkers,
    IReadOnlyList<AnswerCitation> Closest,
    string? AbstentionReason,
    AnswerUsage Usage,
    AnswerTimings Timings);

public sealed record AnswerUsage(long PromptTokens, long OutputTokens);

/// <param name="Retrieval">Search for the sources.</param>
/// <param name="FirstToken">From the request to the model's first piece of text: prompt processing and queueing.</param>
/// <param name="Generation">From the first piece to the last.</param>
public sealed record AnswerTimings(TimeSpan Retrieval, TimeSpan FirstToken, TimeSpan Generation, TimeSpan Total);
