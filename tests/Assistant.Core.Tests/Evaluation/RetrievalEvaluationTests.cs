using Assistant.Core.Acts;
using Assistant.Core.Evaluation;
using Assistant.Core.Norms;

namespace Assistant.Core.Tests.Evaluation;

public class RetrievalEvaluationTests
{
    private static readonly EvalQuery Theft = new("q1", "кража", Language.Ru, [new GoldNorm("K1400000226", "188")]);

    [Fact]
    public void A_gold_article_at_rank_three_scores_mrr_one_third_and_no_hit_at_one()
    {
        var ranked = Ids("K1400000226/art:190", "K1400000226/art:189", "K1400000226/art:188");

        var outcome = RetrievalEvaluation.Score(Theft, ranked, k: 10);
        var metrics = RetrievalMetrics.Of([outcome]);

        Assert.Equal(3, outcome.FirstHitRank);
        Assert.Equal(0, metrics.HitAt1);
        Assert.Equal(1, metrics.HitAtK);
        Assert.Equal(1.0 / 3, metrics.Mrr, 6);
    }

    [Fact]
    public void A_gold_norm_below_k_is_a_miss()
    {
        var ranked = Ids("K1400000226/art:1", "K1400000226/art:2", "K1400000226/art:188");

        var outcome = RetrievalEvaluation.Score(Theft, ranked, k: 2);

        Assert.Null(outcome.FirstHitRank);
        Assert.Equal(0, outcome.Recall);
    }

    [Fact]
    public void A_point_of_the_gold_article_matches_it_and_another_act_does_not()
    {
        Assert.True(RetrievalEvaluation.Matches(NormId.Parse("K1400000226/art:188/p:2"), new GoldNorm("K1400000226", "188")));
        Assert.False(RetrievalEvaluation.Matches(NormId.Parse("K1400000231/art:188"), new GoldNorm("K1400000226", "188")));
    }

    [Fact]
    public void A_gold_entry_without_article_matches_any_norm_of_the_act()
    {
        Assert.True(RetrievalEvaluation.Matches(NormId.Parse("kk-008199/p:4"), new GoldNorm("kk-008199", null)));
    }

    [Fact]
    public void Recall_counts_the_share_of_gold_entries_found()
    {
        var query = Theft with { Gold = [new GoldNorm("K1400000226", "188"), new GoldNorm("K1400000226", "191")] };

        var outcome = RetrievalEvaluation.Score(query, Ids("K1400000226/art:191", "K1400000226/art:5"), k: 10);

        Assert.Equal(0.5, outcome.Recall);
    }

    [Fact]
    public void The_report_splits_metrics_by_the_language_of_the_question()
    {
        var kazakh = new EvalQuery("q2", "ұрлық", Language.Kk, [new GoldNorm("K1400000226", "188")]);
        var outcomes = new[]
        {
            RetrievalEvaluation.Score(Theft, Ids("K1400000226/art:188"), 10),
            RetrievalEvaluation.Score(kazakh, Ids("K1400000226/art:1"), 10),
        };

        var report = RetrievalEvaluation.Report(outcomes, 10, skippedWithoutGold: 1);

        Assert.Equal(0.5, report.Overall.HitAtK);
        Assert.Equal(1, report.ByLanguage[Language.Ru].HitAt1);
        Assert.Equal(0, report.ByLanguage[Language.Kk].HitAtK);
        Assert.Equal(1, report.SkippedWithoutGold);
    }

    private static List<NormId> Ids(params string[] ids) => [.. ids.Select(NormId.Parse)];
}
