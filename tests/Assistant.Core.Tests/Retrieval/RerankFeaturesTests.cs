using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval.Reranking;
using Assistant.Core.Text;

namespace Assistant.Core.Tests.Retrieval;

public sealed class RerankFeaturesTests
{
    private static readonly RerankQuestion Question = new("ежегодный трудовой отпуск", null, new Dictionary<string, double>(StringComparer.Ordinal));

    private static RerankCandidate Candidate(string act, string article, string? heading, string text, ActKind kind = ActKind.Code, double? score = 1, int? rank = 1, Language language = Language.Ru) =>
        new(new NormId(act, article), language, "Трудовой кодекс Республики Казахстан", kind, 10, heading, text, score, rank, null, false);

    private static float Feature(float[] vector, string name) => vector[RerankFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void Every_vector_holds_as_many_features_as_are_named()
    {
        var vectors = RerankFeatures.Of(Question, [Candidate("K1", "1", "Отпуск", "Текст")]);

        Assert.Equal(RerankFeatures.Count, RerankFeatures.Names.Count);
        Assert.Equal(RerankFeatures.Names.Count, RerankFeatures.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RerankFeatures.Count, Assert.Single(vectors).Length);
    }

    [Fact]
    public void Where_the_questions_words_stand_is_told_apart_heading_from_body()
    {
        var vectors = RerankFeatures.Of(Question, [
            Candidate("K1", "88", "Ежегодный трудовой отпуск", "Предоставляется продолжительностью двадцать четыре дня."),
            Candidate("K1", "89", "Порядок", "Ежегодный трудовой отпуск переносится."),
        ]);

        Assert.Equal(1f, Feature(vectors[0], "heading_coverage"));
        Assert.Equal(0f, Feature(vectors[0], "body_coverage"));
        Assert.Equal(0f, Feature(vectors[1], "heading_coverage"));
        Assert.Equal(1f, Feature(vectors[1], "body_coverage"));
    }

    [Fact]
    public void A_withheld_heading_counts_for_nothing()
    {
        var withheld = RerankFeatures.Of(Question with { HeadingWithheld = true }, [Candidate("K1", "88", "Ежегодный трудовой отпуск", "Другой текст.")]);

        Assert.Equal(0f, Feature(withheld[0], "heading_coverage"));
        Assert.Equal(0f, Feature(withheld[0], "rare_term_coverage"));
    }

    [Fact]
    public void The_act_most_candidates_come_from_is_told_by_its_share_and_its_first_norm()
    {
        var vectors = RerankFeatures.Of(Question, [
            Candidate("K1", "1", null, "отпуск", score: 4, rank: 1),
            Candidate("D9", "1", null, "отпуск", ActKind.Decision, score: 3, rank: 2),
            Candidate("K1", "2", null, "отпуск", score: 2, rank: 3),
            Candidate("K1", "3", null, "отпуск", score: 1, rank: 4),
        ]);

        Assert.Equal(0.75f, Feature(vectors[0], "act_share"));
        Assert.Equal(0.25f, Feature(vectors[1], "act_share"));
        Assert.Equal(1f, Feature(vectors[0], "first_of_its_act"));
        Assert.Equal(0f, Feature(vectors[2], "first_of_its_act"));
        Assert.Equal(1f, Feature(vectors[1], "first_of_its_act"));
        Assert.True(Feature(vectors[0], "act_level") < Feature(vectors[1], "act_level"));
        Assert.Equal(0.5f, Feature(vectors[2], "lexical_score_ratio"));
        Assert.Equal(0.25f, Feature(vectors[3], "lexical_rank_inverse"));
    }

    [Fact]
    public void What_the_thesaurus_added_counts_by_its_weight_where_the_norm_has_it()
    {
        var expansion = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [TextAnalyzer.Terms("расторжение", Language.Ru).Single()] = 0.5,
            [TextAnalyzer.Terms("инициатива", Language.Ru).Single()] = 0.5,
        };
        var question = new RerankQuestion("хочу уволиться", null, expansion);

        var vectors = RerankFeatures.Of(question, [Candidate("K1", "56", null, "Расторжение договора."), Candidate("K1", "57", null, "Иное.")]);

        Assert.Equal(0.5f, Feature(vectors[0], "expansion_coverage"));
        Assert.Equal(0f, Feature(vectors[1], "expansion_coverage"));
    }

    [Fact]
    public void A_kazakh_question_marks_russian_candidates_as_of_another_language()
    {
        var vectors = RerankFeatures.Of(new RerankQuestion("жыл сайынғы еңбек демалысы", null, new Dictionary<string, double>(StringComparer.Ordinal)), [
            Candidate("K1", "88", null, "Отпуск."),
            Candidate("K2", "88", null, "Демалыс.", language: Language.Kk),
        ]);

        Assert.Equal(0f, Feature(vectors[0], "same_language"));
        Assert.Equal(1f, Feature(vectors[1], "same_language"));
    }
}
