using Assistant.Core.Embeddings;
using Assistant.Indexer.Training;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Training;

public class EmbedderTrainingTests(AdiletTrainingRuns runs) : IClassFixture<AdiletTrainingRuns>
{
    [SharedFact]
    public void Training_on_real_acts_improves_held_out_accuracy_over_the_untrained_model()
    {
        var report = runs.First.Report;

        Assert.True(report.After.Overall.Top10 > report.Before.Overall.Top10, $"before {report.Before.Overall}, after {report.After.Overall}");
        Assert.True(report.After.Overall.Top1 > report.Before.Overall.Top1, $"before {report.Before.Overall}, after {report.After.Overall}");
    }

    [SharedFact]
    public void Russian_and_kazakh_constitution_norms_find_each_other_better_after_training()
    {
        var before = Assert.Single(runs.First.Report.Before.ByLanguages, f => f.Group == "ru-kk");
        var after = Assert.Single(runs.First.Report.After.ByLanguages, f => f.Group == "ru-kk");

        Assert.True(after.Pairs > 0);
        Assert.True(after.Top10 > before.Top10, $"before {before}, after {after}");
    }

    [SharedFact]
    public void Two_runs_with_the_same_seed_on_two_threads_give_bit_identical_models()
    {
        Assert.Equal(runs.First.Model.Vectors, runs.Second.Model.Vectors);
        Assert.Equal(runs.First.Model.Weights, runs.Second.Model.Weights);
        Assert.Equal(runs.First.Report.LossCurve, runs.Second.Report.LossCurve);
    }

    [SharedFact]
    public void Every_pair_kind_is_mined_from_the_adilet_texts()
    {
        Assert.All(runs.First.Mined, count => Assert.True(count.Training > 0, $"no {count.Kind} pairs"));
        Assert.Equal(Enum.GetValues<PairKind>().Length, runs.First.Mined.Count);
        Assert.Empty(runs.First.Failures);
    }

    [Fact]
    public void A_missing_corpus_path_is_named_in_the_error()
    {
        var vocabulary = Path.GetTempFileName();
        try
        {
            var options = new TrainingOptions(["/no/such/corpus"], vocabulary);

            var error = Assert.Throws<FileNotFoundException>(() => EmbedderTraining.Run(options, null, CancellationToken.None));

            Assert.Contains("/no/such/corpus", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(vocabulary);
        }
    }
}
