using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Conversations;
using Assistant.Core.Norms;
using Assistant.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Answers;

/// <summary>
/// Answers a question from the law in the index: retrieves norms, gives them to the model as numbered sources
/// through the answer prompt (a Semantic Kernel prompt function run on the kernel's chat client), streams its text
/// and verifies the [n] markers. Without a chat client in the kernel it answers with an extract; when the sources
/// do not cover the question, or the model cites none of them, it abstains in the question's language.
/// </summary>
/// <param name="kernel">Holds the chat model (an <see cref="IChatClient"/> service, or none) and the functions a model that calls tools may use.</param>
/// <param name="rewriter">Restates the question in legal terms before search; null: questions are searched as asked.</param>
public sealed class GroundedAnswerer(INormRetriever retriever, Kernel kernel, AnswerPrompt prompt, AnswerOptions options, QuestionRewriter? rewriter = null)
{
    /// <summary>Reciprocal rank fusion's k for the lists of the question and its rewrites, as for lexical and dense.</summary>
    private const int FusionK = 60;

    /// <summary>
    /// A rewrite's list weighs half the question's, as the thesaurus's terms weigh half the user's words: a norm both
    /// find rises to the top, and a model's misreading cannot push out what the user's own words found.
    /// </summary>
    private const double RewriteWeight = 0.5;

    /// <summary>Why a question is searched as asked when no rewriter is given.</summary>
    public const string RewritingOff = "rewriting is off: the question is searched as asked";

    /// <summary>A follow-up with fewer terms than this is searched together with the previous question.</summary>
    private const int FollowUpTerms = 6;

    private readonly bool _generates = kernel.Services.GetService<IChatClient>() is not null;

    public async IAsyncEnumerable<AnswerEvent> AnswerAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var language = request.Language ?? ScriptLanguage.Detect(request.Question);
        var query = RetrievalQuery(request.Question, request.History, language);
        var rewrite = rewriter is null ? QuestionRewrite.Skipped(RewritingOff) : await rewriter.RewriteAsync(query, language, cancellationToken).ConfigureAwait(false);
        var found = await RetrieveAsync(query, rewrite, request.Filters, cancellationToken).ConfigureAwait(false);
        var sources = found.Select((norm, i) => new AnswerSource(i + 1, norm.Id, norm.Language, norm.Citation, norm.Heading, norm.Text, norm.NamedInQuery)).ToList();
        var retrieval = Stopwatch.GetElapsedTime(started);
        yield return new SourcesFound(sources, query) { Rewrite = rewrite };

        var confidence = RetrievalConfidence.Of(query, found, language);
        if (sources.Count == 0 || confidence < (request.MinTermCoverage ?? options.MinTermCoverage))
        {
            var reason = sources.Count == 0 ? AnswerTexts.NoSources : AnswerTexts.LowConfidence;
            yield return Abstain(sources, language, request.Scope, reason, new AnswerUsage(0, 0), new AnswerTimings(retrieval, TimeSpan.Zero, TimeSpan.Zero, Stopwatch.GetElapsedTime(started)));
            yield break;
        }

        if (!_generates)
        {
            var extract = CitationMarkers.Verify(ExtractiveAnswer.Write(request.Question, sources, language), sources.Count);
            yield return new AnswerDelta(extract.Text);
            yield return new AnswerCompleted(new AnswerResult(
                AnswerMode.Extract, language, extract.Text, Cite(sources, extract.Cited), extract.Removed, [], null,
                new AnswerUsage(0, 0), new AnswerTimings(retrieval, TimeSpan.Zero, TimeSpan.Zero, Stopwatch.GetElapsedTime(started))));
            yield break;
        }

        var text = new StringBuilder();
        var reply = new StreamedReply();
        var arguments = prompt.Arguments(request.Question, sources, request.History, options, request.Sampling);
        await foreach (var update in kernel.InvokeStreamingAsync<ChatResponseUpdate>(prompt.For(language), arguments, cancellationToken).ConfigureAwait(false))
        {
            if (reply.Read(update) is { } delta)
            {
                text.Append(delta);
                yield return new AnswerDelta(delta);
            }
        }

        var firstToken = reply.FirstToken ?? TimeSpan.Zero;
        var timings = new AnswerTimings(retrieval, firstToken, reply.Elapsed - firstToken, Stopwatch.GetElapsedTime(started));
        var verified = QuotedNorms.Verify(CitationMarkers.Verify(text.ToString(), sources.Count), sources);
        var tokens = new AnswerUsage(reply.PromptTokens, reply.OutputTokens);
        if (verified.Cited.Count == 0)
        {
            yield return Abstain(sources, language, request.Scope, AnswerTexts.NothingCited, tokens, timings);
            yield break;
        }

        yield return new AnswerCompleted(new AnswerResult(
            AnswerMode.Generated, language, verified.Text, Cite(sources, verified.Cited), verified.Removed, [], null, tokens, timings));
    }

    /// <summary>
    /// The question's norms, fused with those of its rewrites by weighted reciprocal rank: a norm that both the user's
    /// words and the law's words find comes first; norms the question names by number stay first.
    /// </summary>
    private async Task<IReadOnlyList<RetrievedNorm>> RetrieveAsync(string query, QuestionRewrite rewrite, RetrievalFilters filters, CancellationToken cancellationToken)
    {
        var asked = await retriever.RetrieveAsync(query, filters, options.Sources, cancellationToken).ConfigureAwait(false);
        if (rewrite.Queries.Count == 0)
        {
            return asked;
        }

        var lists = new List<IReadOnlyList<RetrievedNorm>> { asked };
        foreach (var rewritten in rewrite.Queries)
        {
            lists.Add(await retriever.RetrieveAsync(rewritten.Text, filters, options.Sources, cancellationToken).ConfigureAwait(false));
        }

        return Fuse(lists, options.Sources);
    }

    internal static IReadOnlyList<RetrievedNorm> Fuse(IReadOnlyList<IReadOnlyList<RetrievedNorm>> lists, int top)
    {
        var fused = new Dictionary<(NormId, Language), (RetrievedNorm Norm, double Score, int First)>();
        var order = 0;
        for (var index = 0; index < lists.Count; index++)
        {
            var list = lists[index];
            for (var rank = 0; rank < list.Count; rank++)
            {
                var norm = list[rank];
                var key = (norm.Id, norm.Language);
                var score = (index == 0 ? 1 : RewriteWeight) / (FusionK + rank + 1);
                fused[key] = fused.TryGetValue(key, out var known) ? (known.Norm, known.Score + score, known.First) : (norm, score, order++);
            }
        }

        return [.. fused.Values
            .OrderByDescending(entry => entry.Norm.NamedInQuery)
            .ThenByDescending(entry => entry.Score)
            .ThenBy(entry => entry.First)
            .Take(top)
            .Select(entry => entry.Norm)];
    }

    /// <summary>
    /// A short follow-up («а если повторно?») means little alone: it is searched together with the question
    /// before it. A full question stands on its own.
    /// </summary>
    internal static string RetrievalQuery(string question, IReadOnlyList<ConversationMessage> history, Language language)
    {
        var previous = history.LastOrDefault(message => message.Role == ConversationRole.User);
        if (previous is null || TextAnalyzer.Terms(question, language).Distinct(StringComparer.Ordinal).Count() >= FollowUpTerms)
        {
            return question;
        }

        return previous.Content + "\n" + question;
    }

    private static AnswerCompleted Abstain(List<AnswerSource> sources, Language language, AnswerScope scope, string reason, AnswerUsage usage, AnswerTimings timings)
    {
        var closest = sources.Take(3).Select(source => new AnswerCitation(source.Number, source.NormId, source.Citation)).ToList();
        var text = new StringBuilder(AnswerTexts.Abstention(language, scope));
        if (closest.Count > 0)
        {
            text.Append(' ').Append(AnswerTexts.ClosestNorms(language)).Append(' ').Append(string.Join("; ", closest.Select(c => c.Citation))).Append('.');
        }

        return new AnswerCompleted(new AnswerResult(AnswerMode.Abstention, language, text.ToString(), [], [], closest, reason, usage, timings));
    }

    private static List<AnswerCitation> Cite(List<AnswerSource> sources, IReadOnlyList<int> numbers) =>
        [.. numbers.Select(n => sources[n - 1]).Select(source => new AnswerCitation(source.Number, source.NormId, source.Citation))];
}

/// <param name="History">Earlier messages of the conversation, oldest first.</param>
/// <param name="Language">The answer's language; null: the question's.</param>
/// <param name="Sampling">The caller's sampling wishes; null: the prompt's settings.</param>
/// <param name="Scope">What the sources were drawn from: an abstention says which law gave no basis.</param>
/// <param name="MinTermCoverage">Replaces <see cref="AnswerOptions.MinTermCoverage"/> for this question: a narrower scope asks more of its sources.</param>
public sealed record AnswerRequest(string Question, IReadOnlyList<ConversationMessage> History, Language? Language, RetrievalFilters Filters, AnswerSampling? Sampling = null, AnswerScope Scope = AnswerScope.Index, double? MinTermCoverage = null);

/// <summary>What an answer may rest on.</summary>
public enum AnswerScope
{
    /// <summary>All the law in the index.</summary>
    Index,

    /// <summary>One draft law and the acts it amends: the public's questions about a draft under discussion.</summary>
    Draft,
}

/// <param name="Temperature">Replaces the prompt's temperature.</param>
/// <param name="MaxTokens">Caps the answer below the configured maximum; it never raises it.</param>
public sealed record AnswerSampling(float? Temperature, int? MaxTokens);
