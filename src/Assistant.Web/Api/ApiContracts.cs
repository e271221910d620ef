using System.Text.Json;

namespace Assistant.Web.Api;

// The API's JSON as the web app reads it (camelCase, by System.Text.Json's web defaults). Only the fields the
// pages show are declared; the API may send more.

/// <summary>A question for POST /v1/chat.</summary>
public sealed record ChatQuestion(string? ConversationId, IReadOnlyList<ChatQuestionMessage> Messages, string? Lang, string? AsOf);

public sealed record ChatQuestionMessage(string Role, string Content);

/// <summary>One event of a streamed answer: sources, delta, citations or done (the API's Server-Sent Events).</summary>
public abstract record ChatEvent;

public sealed record SourcesReceived(string ConversationId, IReadOnlyList<AnswerSource> Sources) : ChatEvent;

public sealed record TextReceived(string Text) : ChatEvent;

public sealed record AnswerVerified(VerifiedAnswer Answer) : ChatEvent;

public sealed record AnswerFinished(AnswerTimings Timings) : ChatEvent;

/// <summary>The stream broke off after it began: the API's error event, or the connection.</summary>
public sealed record AnswerFailed(string Detail) : ChatEvent;

public sealed record AnswerSource(int N, string NormId, string Lang, string Citation, string? Heading);

/// <param name="Mode">generated, extract or abstention.</param>
public sealed record VerifiedAnswer(string Answer, string Mode, string Lang, IReadOnlyList<AnswerCitation> Citations, IReadOnlyList<AnswerCitation> Closest, string? AbstentionReason);

public sealed record AnswerCitation(int N, string NormId, string Citation);

public sealed record AnswerTimings(double RetrievalMs, double FirstTokenMs, double GenerationMs, double TotalMs);

public sealed record ConversationSummary(string Id, DateTimeOffset StartedAt, DateTimeOffset LastAt, string FirstQuestion, int Messages);

public sealed record Conversation(string Id, IReadOnlyList<ConversationEntry> Messages);

public sealed record ConversationEntry(string Role, string Content, DateTimeOffset At);

/// <summary>Feedback on one answer: useful, wrong-citation or missing-norm.</summary>
public sealed record AnswerFeedback(string Kind, string? ConversationId, string Question, string Answer, string Mode, IReadOnlyList<string> Citations, string? Comment);

public sealed record FeedbackEntry(long Id, DateTimeOffset At, string User, string Role, string? ConversationId, string Kind, string Question, string Answer, string Mode, IReadOnlyList<string> Citations, string? Comment);

public sealed record Norm(
    string Id,
    string Lang,
    string ActTitle,
    string Citation,
    string? Heading,
    string Text,
    string Path,
    string Status,
    string? Edition,
    bool IsCurrentEdition,
    IReadOnlyList<NormAmendment> History,
    IReadOnlyList<NormReferenceOut> ReferencesOut,
    IReadOnlyList<NormReferenceIn> ReferencesIn,
    IReadOnlyList<string> Languages,
    Uri AdiletUrl)
{
    /// <summary>The act's id: a norm id is the act's id, a slash, and the norm's path within it.</summary>
    public string ActId => Id.Split('/', 2)[0];
}

public sealed record NormAmendment(string Law, DateOnly? AdoptedOn, string? Number, IReadOnlyList<string> Actions, DateOnly? InForceOn);

public sealed record NormReferenceOut(string Text, string? TargetActId, string? TargetNormId, string? TargetCitation);

public sealed record NormReferenceIn(string From, string Citation, string Text);

public sealed record Act(string Id, string Lang, string Title, string? Edition, bool IsCurrent, IReadOnlyList<string?> Editions, Uri AdiletUrl);

public sealed record ActChanges(string Act, string From, string To, IReadOnlyList<NormChange> Norms);

public sealed record NormChange(string Id, string Article, string Change, IReadOnlyList<RedlinePiece> Redline);

/// <param name="Kind">kept, deleted or inserted.</param>
public sealed record RedlinePiece(string Kind, string Text);

public sealed record DraftSummary(string Id, string Title, string Status, string Lang, IReadOnlyList<string> Acts, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record Draft(
    string Id,
    string Title,
    string Status,
    string Lang,
    IReadOnlyList<string> Acts,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string Text,
    IReadOnlyList<DraftOperation> Operations,
    IReadOnlyList<FailedInstruction> Failed,
    IReadOnlyList<Consolidation> Consolidation,
    Publication? Publication = null);

public sealed record DraftOperation(int Line, string Instruction, string Kind, string Target, string? Norm, string? Words, string? NewWords);

public sealed record FailedInstruction(int Line, string Instruction, string Reason);

public sealed record Consolidation(string Act, string Edition, IReadOnlyList<ConsolidatedNorm> Norms, IReadOnlyList<FailedInstruction> Failed);

public sealed record ConsolidatedNorm(string Id, string? Article, string Before, string After, IReadOnlyList<RedlinePiece> Redline);

/// <summary>A forecast job; <see cref="Forecast"/> is the forecast document once it succeeded.</summary>
/// <param name="Status">queued, running, succeeded or failed.</param>
public sealed record ForecastJob(string Id, string DraftId, string Status, string? Stage, string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, JsonElement? Forecast);

public sealed record AuditRecord(long Sequence, AuditEntry Entry);

public sealed record AuditEntry(DateTimeOffset At, string User, string Role, string? ConversationId, string Question, IReadOnlyList<string> Sources, IReadOnlyList<string> Citations);

/// <summary>The forecast document (the API's ForecastJson), as the forecast page shows it.</summary>
public sealed record ForecastReport(
    string Title,
    string Lang,
    IReadOnlyList<AffectedNorm> Affected,
    IReadOnlyList<DependentNorm> Dependents,
    IReadOnlyList<DependentNorm> BrokenReferences,
    IReadOnlyList<ChangedTerm> Terms,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<FollowUp> FollowUps,
    IReadOnlyList<PossibleConflict> Conflicts,
    Narrative Narrative);

/// <param name="Change">added, changed or repealed.</param>
public sealed record AffectedNorm(string Id, string Change, IReadOnlyList<int> Lines);

public sealed record DependentNorm(string From, string Act, string Reference, string Target, string Affected, string Sentence);

public sealed record ChangedTerm(string Definition, string Term, string Change, IReadOnlyList<string> UsedIn);

public sealed record Finding(string Rule, int? Line, string Message, IReadOnlyList<string> Norms);

public sealed record FollowUp(string Norm, string Body, string Phrase, string Sentence, IReadOnlyList<ExistingBylaw> Existing);

public sealed record ExistingBylaw(string Act, string Title, string Basis);

/// <param name="Type">conflict or duplication.</param>
public sealed record PossibleConflict(string Norm, string Other, string OtherCitation, string Type, string Sentence, string OtherSentence, string Hierarchy, ConflictValue? Value, ConflictValue? OtherValue);

public sealed record ConflictValue(string Phrase, string Normalized);

/// <summary>The model's reading of the findings; <see cref="AiGenerated"/> says that a model wrote it.</summary>
public sealed record Narrative(bool Present, bool AiGenerated, string? Model, string? Reason, IReadOnlyList<NarrativeItem> Items);

public sealed record NarrativeItem(string Area, string Text, IReadOnlyList<NarrativeCite> Cites);

public sealed record NarrativeCite(int Number, string? Finding, IReadOnlyList<string> Norms);
