using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Answers;
using Assistant.Core.Audit;
using Assistant.Core.Discussion;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Assistant.Api.Discussion;

/// <summary>
/// The public's questions about a draft: answered like chat (the same prompt, model and verification of
/// citations) but from <see cref="DraftScope"/> alone, abstaining at a stricter coverage, and kept in the audit trail.
/// </summary>
internal sealed partial class DraftQuestions(
    INormRetriever law,
    Kernel kernel,
    AnswerPrompt prompt,
    IOptions<AnswerOptions> answers,
    IOptions<DiscussionOptions> discussion,
    DiscussedDrafts drafts,
    IAuditTrail audit,
    ILogger<DraftQuestions> logger)
{
    public async Task<PublicAnswer> AnswerAsync(DiscussedDraft found, string question, Language? language, CancellationToken cancellationToken)
    {
        var draft = found.Draft;
        var scope = new DraftScope(law, draft, drafts.Changes(draft), found.Outline, act => drafts.ActTitle(act, language ?? ScriptLanguage.Detect(question)));
        var answerer = new GroundedAnswerer(scope, kernel, prompt, answers.Value);
        var request = new AnswerRequest(question, [], language, new RetrievalFilters(language), Scope: AnswerScope.Draft, MinTermCoverage: discussion.Value.MinTermCoverage);
        IReadOnlyList<AnswerSource> sources = [];
        AnswerResult? result = null;
        await foreach (var step in answerer.AnswerAsync(request, cancellationToken))
        {
            switch (step)
            {
                case SourcesFound sourcesFound:
                    sources = sourcesFound.Sources;
                    break;
                case AnswerCompleted completed:
                    result = completed.Result;
                    break;
            }
        }

        var answer = result!;
        var entry = await audit.AppendAsync(
            new AuditEntry(
                DateTimeOffset.UtcNow,
                "anonymous",
                "public",
                "draft:" + draft.Id,
                question,
                [.. sources.Select(s => s.NormId.ToString())],
                [.. answer.Citations.Select(c => c.NormId.ToString())],
                AuditEntry.HashOf(answer.Text)),
            cancellationToken);
        Answered(logger, draft.Id, answer.Mode, answer.Citations.Count, entry.Sequence);
        return new PublicAnswer(
            answer.Mode.ToString().ToLowerInvariant(),
            answer.Language.ToCode(),
            answer.Text,
            [.. answer.Citations.Select(c => Cite(scope, c))],
            [.. answer.Closest.Select(c => Cite(scope, c))],
            answer.AbstentionReason,
            Label(answer.Language));
    }

    private static PublicCitation Cite(DraftScope scope, AnswerCitation citation) => new(
        citation.Number,
        citation.NormId.ActId.StartsWith("draft-", StringComparison.Ordinal) ? null : citation.NormId.ToString(),
        citation.Citation,
        scope.IsDraft(citation.Citation) ? "draft" : "law");

    private static string Label(Language language) => language == Language.Kk
        ? "Жауапты жүйе заң жобасының және ол өзгертетін актілердің мәтіні бойынша автоматты түрде жазды; ол ресми түсіндірме емес."
        : "Ответ составлен автоматически по тексту законопроекта и изменяемых им актов; он не является официальным разъяснением.";

    [LoggerMessage(Level = LogLevel.Information, Message = "Public question on draft {DraftId}: {Mode} with {Citations} citations, audit #{AuditSequence}")]
    private static partial void Answered(ILogger logger, string draftId, AnswerMode mode, int citations, long auditSequence);
}
