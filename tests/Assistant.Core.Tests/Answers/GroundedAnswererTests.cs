using System.Runtime.CompilerServices;
using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Norms;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Tests.Answers;

/// <summary>
/// The answerer's own rules, over a fixed list of norms and a chat client that replies with a fixed text: what
/// the real model writes cannot be chosen, and these rules are about what is done with whatever it writes.
/// </summary>
public class GroundedAnswererTests
{
    private static readonly RetrievedNorm Theft = new(new NormId("K1400000226", "188"), Language.Ru, "Уголовный кодекс РК, ст. 188", "Кража",
        "1. Кража, то есть тайное хищение чужого имущества, наказывается штрафом. 2. Кража, совершенная группой лиц, наказывается лишением свободы.", 9.1, false);

    private static readonly RetrievedNorm Fraud = new(new NormId("K1400000226", "190"), Language.Ru, "Уголовный кодекс РК, ст. 190", "Мошенничество",
        "Мошенничество, то есть хищение чужого имущества путем обмана, наказывается штрафом.", 5.2, false);

    [Fact]
    public async Task Markers_outside_the_sources_are_removed_and_the_citations_are_a_subset_of_them()
    {
        var answerer = new GroundedAnswerer(new FixedNorms(Theft, Fraud), new ScriptedChat("Кража наказывается штрафом [1]. Ещё [5]."), new AnswerOptions());

        var result = await CompleteAsync(answerer, "Какое наказание за кражу чужого имущества?");

        Assert.Equal(AnswerMode.Generated, result.Mode);
        Assert.Equal("Кража наказывается штрафом [1]. Ещё.", result.Text);
        Assert.Equal(["K1400000226/art:188"], result.Citations.Select(c => c.NormId.ToString()));
        Assert.Equal(["[5]"], result.RemovedMarkers);
    }

    [Fact]
    public async Task An_answer_that_cites_nothing_becomes_the_abstention_in_the_questions_language()
    {
        var answerer = new GroundedAnswerer(new FixedNorms(Theft), new ScriptedChat("Думаю, что штраф."), new AnswerOptions());

        var result = await CompleteAsync(answerer, "Какое наказание за кражу чужого имущества?");

        Assert.Equal(AnswerMode.Abstention, result.Mode);
        Assert.StartsWith("В проиндексированных нормах права нет основания", result.Text, StringComparison.Ordinal);
        Assert.Empty(result.Citations);
        Assert.Equal("K1400000226/art:188", Assert.Single(result.Closest).NormId.ToString());
    }

    [Fact]
    public async Task Sources_that_share_too_little_with_the_question_abstain_without_asking_the_model()
    {
        var chat = new ScriptedChat("[1]");
        var answerer = new GroundedAnswerer(new FixedNorms(Fraud), chat, new AnswerOptions());

        var result = await CompleteAsync(answerer, "Қаржылық пирамиданы ұйымдастырғаны үшін қандай жаза бар?");

        Assert.Equal(AnswerMode.Abstention, result.Mode);
        Assert.Equal(Language.Kk, result.Language);
        Assert.StartsWith("Индекстегі құқықтық нормаларда", result.Text, StringComparison.Ordinal);
        Assert.Equal(0, chat.Calls);
    }

    [Fact]
    public async Task Without_a_model_the_answer_is_an_extract_of_the_matching_sentences_with_markers()
    {
        var answerer = new GroundedAnswerer(new FixedNorms(Theft, Fraud), null, new AnswerOptions());

        var result = await CompleteAsync(answerer, "Кража группой лиц");

        Assert.Equal(AnswerMode.Extract, result.Mode);
        Assert.StartsWith("Выдержка из норм", result.Text, StringComparison.Ordinal);
        Assert.Contains("Кража, совершенная группой лиц, наказывается лишением свободы. [1]", result.Text, StringComparison.Ordinal);
        Assert.Equal([1, 2], result.Citations.Select(c => c.Number));
    }

    [Fact]
    public void A_short_follow_up_is_searched_with_the_question_before_it()
    {
        List<ConversationMessage> history =
        [
            new(ConversationRole.User, "Какая ответственность за кражу телефона?", DateTimeOffset.UtcNow),
            new(ConversationRole.Assistant, "Штраф [1].", DateTimeOffset.UtcNow),
        ];

        Assert.Equal("Какая ответственность за кражу телефона?\nА если повторно?", GroundedAnswerer.RetrievalQuery("А если повторно?", history, Language.Ru));
        Assert.Equal(
            "Какой срок ежегодного оплачиваемого трудового отпуска работника?",
            GroundedAnswerer.RetrievalQuery("Какой срок ежегодного оплачиваемого трудового отпуска работника?", history, Language.Ru));
    }

    private static async Task<AnswerResult> CompleteAsync(GroundedAnswerer answerer, string question)
    {
        AnswerResult? result = null;
        await foreach (var step in answerer.AnswerAsync(new AnswerRequest(question, [], null, new RetrievalFilters()), CancellationToken.None))
        {
            if (step is AnswerCompleted completed)
            {
                result = completed.Result;
            }
        }

        return result!;
    }

    private sealed class FixedNorms(params RetrievedNorm[] norms) : INormRetriever
    {
        public string Mode => "fixed";

        public Task<IReadOnlyList<RetrievedNorm>> RetrieveAsync(string query, RetrievalFilters filters, int top, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RetrievedNorm>>(norms);
    }

    private sealed class ScriptedChat(string reply) : IChatClient
    {
        public int Calls { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Calls++;
            foreach (var piece in reply.Chunk(4))
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, new string(piece));
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
