using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Assistant.Core.Norms;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Tests.Answers;

public sealed class QuestionRewriterTests
{
    private static readonly string Prompts = Path.Combine(AppContext.BaseDirectory, "prompts");

    private static readonly RetrievedNorm Quitting = new(new NormId("K1500000414", "56"), Language.Ru, "Трудовой кодекс РК, ст. 56",
        "Расторжение трудового договора по инициативе работника", "Работник вправе расторгнуть трудовой договор, предупредив работодателя в письменной форме не позднее чем за один месяц.", 7, false);

    private static readonly RetrievedNorm Leave = new(new NormId("K1500000414", "88"), Language.Ru, "Трудовой кодекс РК, ст. 88",
        "Ежегодный оплачиваемый трудовой отпуск", "Работникам предоставляется ежегодный оплачиваемый трудовой отпуск.", 5, false);

    private static Kernel Kernel(IChatClient? chat)
    {
        var builder = Microsoft.SemanticKernel.Kernel.CreateBuilder();
        if (chat is not null)
        {
            builder.Services.AddSingleton(chat);
        }

        return builder.Build();
    }

    [Fact]
    public async Task Without_a_model_the_question_is_not_rewritten_and_the_result_says_why()
    {
        var rewrite = await new QuestionRewriter(Kernel(null), RewritePrompt.Load(Prompts)).RewriteAsync("хочу уволиться сам", Language.Ru, CancellationToken.None);

        Assert.Empty(rewrite.Queries);
        Assert.Equal(QuestionRewriter.NoModel, rewrite.SkippedBecause);
    }

    [Fact]
    public async Task A_kazakh_question_is_asked_for_its_legal_and_russian_wording_under_a_grammar()
    {
        var chat = new GroundedAnswererTests.ScriptedChat("{\"legal\": \"еңбек шартын қызметкердің бастамасы бойынша бұзу\", \"russian\": \"расторжение трудового договора по инициативе работника\"}");

        var rewrite = await new QuestionRewriter(Kernel(chat), RewritePrompt.Load(Prompts)).RewriteAsync("жұмыстан өз еркіммен кеткім келеді", Language.Kk, CancellationToken.None);

        Assert.Null(rewrite.SkippedBecause);
        Assert.Equal(["legal", "russian"], rewrite.Queries.Select(q => q.Kind));
        Assert.Equal("расторжение трудового договора по инициативе работника", rewrite.Queries[1].Text);
        var options = Assert.Single(chat.Requests).Options!;
        var grammar = Assert.IsType<string>(options.AdditionalProperties![AnswerOptions.GrammarProperty]);
        Assert.Contains("russian", grammar, StringComparison.Ordinal);
        Assert.Contains("жұмыстан өз еркіммен кеткім келеді", chat.Requests[0].Messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_russian_question_is_held_to_its_legal_wording_only()
    {
        Assert.DoesNotContain("russian", RewritePrompt.Grammar(Language.Ru), StringComparison.Ordinal);
        Assert.Contains("legal", RewritePrompt.Grammar(Language.Ru), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"legal\": \"расторжение трудового", "cut")]
    [InlineData("[\"расторжение\"]", "not a JSON object")]
    public void A_reply_that_is_not_a_closed_json_object_leaves_the_question_as_asked(string reply, string reason)
    {
        var rewrite = QuestionRewriter.Read(reply, "хочу уволиться", TimeSpan.Zero);

        Assert.Empty(rewrite.Queries);
        Assert.Contains(reason, rewrite.SkippedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rewrite_that_repeats_the_question_adds_nothing_to_search()
    {
        var rewrite = QuestionRewriter.Read("{\"legal\": \"Хочу уволиться\"}", "хочу уволиться", TimeSpan.Zero);

        Assert.Empty(rewrite.Queries);
        Assert.Null(rewrite.SkippedBecause);
    }

    [Fact]
    public async Task The_rewritten_question_is_searched_beside_the_original_and_shown_with_the_sources()
    {
        var chat = new GroundedAnswererTests.ScriptedChat("{\"legal\": \"расторжение трудового договора по инициативе работника\"}");
        var kernel = Kernel(null);
        var rewriter = new QuestionRewriter(Kernel(chat), RewritePrompt.Load(Prompts));
        var retriever = new ByQuery(new Dictionary<string, RetrievedNorm[]>(StringComparer.Ordinal)
        {
            ["хочу уволиться сам"] = [Leave],
            ["расторжение трудового договора по инициативе работника"] = [Quitting],
        });
        var answerer = new GroundedAnswerer(retriever, kernel, AnswerPrompt.Load(Prompts), new AnswerOptions { MinTermCoverage = 0 }, rewriter);

        SourcesFound? found = null;
        await foreach (var step in answerer.AnswerAsync(new AnswerRequest("хочу уволиться сам", [], Language.Ru, new RetrievalFilters()), CancellationToken.None))
        {
            found ??= step as SourcesFound;
        }

        Assert.NotNull(found);
        Assert.Equal(["хочу уволиться сам", "расторжение трудового договора по инициативе работника"], retriever.Asked);
        Assert.Equal([Leave.Id, Quitting.Id], found.Sources.Select(s => s.NormId));
        Assert.Equal("legal", Assert.Single(found.Rewrite.Queries).Kind);
    }

    [Fact]
    public void A_norm_both_wordings_find_comes_before_one_only_either_finds()
    {
        var fused = GroundedAnswerer.Fuse([[Leave, Quitting], [Quitting]], 6);

        Assert.Equal([Quitting.Id, Leave.Id], fused.Select(n => n.Id));
    }

    [Fact]
    public void What_only_the_rewrite_finds_comes_after_what_the_question_found()
    {
        var fused = GroundedAnswerer.Fuse([[Leave], [Quitting]], 6);

        Assert.Equal([Leave.Id, Quitting.Id], fused.Select(n => n.Id));
    }

    private sealed class ByQuery(Dictionary<string, RetrievedNorm[]> norms) : INormRetriever
    {
        public List<string> Asked { get; } = [];

        public string Mode => "fixed";

        public Task<IReadOnlyList<RetrievedNorm>> RetrieveAsync(string query, RetrievalFilters filters, int top, CancellationToken cancellationToken)
        {
            Asked.Add(query);
            return Task.FromResult<IReadOnlyList<RetrievedNorm>>(norms.GetValueOrDefault(query, []));
        }
    }
}
