using Assistant.Inference.Embeddings.Training;

namespace Assistant.Inference.Tests.Embeddings.Training;

public class StaticEmbeddingTrainerTests
{
    private static readonly TrainerOptions Options = new()
    {
        Dimensions = 32,
        BatchSize = 32,
        Epochs = 4,
        Temperature = 0.1f,
        LearningRate = 0.1f,
        Seed = 11,
        ReportEvery = 10,
    };

    [Fact]
    public void Training_improves_held_out_accuracy_over_the_untrained_model()
    {
        var result = Train(Options);

        Assert.True(result.Report.After.Overall.Top1 > result.Report.Before.Overall.Top1, Describe(result.Report));
        Assert.True(result.Report.After.Overall.Top10 > result.Report.Before.Overall.Top10, Describe(result.Report));
        Assert.All(result.Report.After.ByKind, figure => Assert.True(figure.Top10 > 0, $"{figure.Group}: {Describe(result.Report)}"));
    }

    [Fact]
    public void Loss_falls_from_the_first_points_of_the_curve_to_the_last()
    {
        var curve = Train(Options).Report.LossCurve;

        Assert.True(curve.Count >= 4, $"{curve.Count} points");
        Assert.True(curve[^1].Loss < curve[0].Loss, string.Join(", ", curve.Select(p => $"{p.Step}:{p.Loss:F3}")));
    }

    [Fact]
    public void Training_is_bit_identical_for_a_seed_across_runs_and_thread_counts()
    {
        var first = Train(Options with { Threads = 2 }).Model;
        var second = Train(Options with { Threads = 2 }).Model;
        var single = Train(Options with { Threads = 1 }).Model;

        Assert.Equal(first.Vectors, second.Vectors);
        Assert.Equal(first.Vectors, single.Vectors);
        Assert.Equal(first.Weights, single.Weights);
    }

    [Fact]
    public void Another_seed_gives_other_vectors()
    {
        var first = Train(Options).Model;
        var other = Train(Options with { Seed = 12 }).Model;

        Assert.NotEqual(first.Vectors, other.Vectors);
    }

    [Fact]
    public void Tokens_absent_from_every_pair_and_ignored_tokens_weigh_nothing()
    {
        var pairs = TopicPairs.Make(64, seed: 1);
        var used = pairs.SelectMany(p => p.Anchor.Concat(p.Positive)).ToHashSet();

        var model = StaticEmbeddingTrainer.Train(TopicPairs.VocabularySize + 3, pairs, [], Options with { Epochs = 1, IgnoredTokens = [0] }, null, CancellationToken.None).Model;

        Assert.Equal(0f, model.Weights[0]);
        Assert.All(Enumerable.Range(TopicPairs.VocabularySize, 3), token => Assert.Equal(0f, model.Weights[token]));
        Assert.All(used.Where(t => t != 0), token => Assert.True(model.Weights[token] > 0f, $"token {token}"));
    }

    [Fact]
    public void Pairs_of_a_repeated_kind_are_trained_on_that_many_times_an_epoch_and_counted_once()
    {
        var pairs = TopicPairs.Make(640, seed: 1);
        var even = pairs.Count(p => p.Kind == "even");

        var report = StaticEmbeddingTrainer.Train(
            TopicPairs.VocabularySize, pairs, [], Options with { Epochs = 1, Repeats = new Dictionary<string, int> { ["even"] = 3 } }, null, CancellationToken.None).Report;

        Assert.Equal((pairs.Count + (2 * even)) / Options.BatchSize, report.Steps);
        Assert.Equal(even, Assert.Single(report.Pairs, p => p.Kind == "even").Training);
    }

    [Fact]
    public void A_token_outside_the_vocabulary_is_rejected_naming_the_pair()
    {
        TokenPair[] pairs = [new([1, 2], [3], "k", "ru-ru"), new([1], [99], "k", "ru-ru")];

        var error = Assert.Throws<ArgumentException>(() => StaticEmbeddingTrainer.Train(10, pairs, [], Options, null, CancellationToken.None));

        Assert.Contains("training pair 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_token_stops_training()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Train(Options, cancellation.Token));
    }

    [Fact]
    public void Progress_reports_every_phase_and_training_steps_in_order()
    {
        var reports = new List<TrainingProgress>();

        var result = StaticEmbeddingTrainer.Train(
            TopicPairs.VocabularySize, TopicPairs.Make(320, 1), TopicPairs.Make(40, 2), Options, new ListProgress(reports), CancellationToken.None);

        Assert.Equal(TrainingPhase.EvaluatingBefore, reports[0].Phase);
        Assert.Equal(TrainingPhase.EvaluatingAfter, reports[^1].Phase);
        var steps = reports.Where(r => r.Phase == TrainingPhase.Training).Select(r => r.Step).ToList();
        Assert.Equal(steps.Order(), steps);
        Assert.Equal(result.Report.Steps, steps[^1]);
    }

    private static TrainingResult Train(TrainerOptions options, CancellationToken cancellationToken = default) =>
        StaticEmbeddingTrainer.Train(TopicPairs.VocabularySize, TopicPairs.Make(1_600, seed: 1), TopicPairs.Make(200, seed: 2), options, null, cancellationToken);

    private static string Describe(TrainingReport report) =>
        $"before {report.Before.Overall}, after {report.After.Overall}";

    private sealed class ListProgress(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}
