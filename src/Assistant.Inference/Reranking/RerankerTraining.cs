using System.Text.Json;
using Assistant.Core.Retrieval.Reranking;
using Assistant.Inference.Embeddings;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Assistant.Inference.Reranking;

/// <summary>A question's candidates, best first as the first rankers gave them, and which of them are right.</summary>
/// <param name="Source">Where the question came from: the dev set's training part, or a pseudo-question from a heading.</param>
public sealed record RerankGroup(string Question, RerankSource Source, IReadOnlyList<float[]> Features, IReadOnlyList<bool> Relevant);

public enum RerankSource
{
    /// <summary>A question of the dev set's training part.</summary>
    Question,

    /// <summary>An article's heading, searched with the heading withheld from the texts.</summary>
    Heading,
}

public sealed record RerankerTrainingOptions
{
    public int Seed { get; init; } = 1;

    public int Trees { get; init; } = 200;

    public int Leaves { get; init; } = 16;

    public double LearningRate { get; init; } = 0.05;

    public int MinExamplesPerLeaf { get; init; } = 20;

    /// <summary>Share of the dev questions kept out of the first fit to tell how the model does on questions it has not seen.</summary>
    public double ValidationShare { get; init; } = 0.25;
}

/// <summary>Hit@1, Hit@10 and MRR over the questions of a validation part, in one order of their candidates.</summary>
public sealed record RerankMetrics(int Questions, double HitAt1, double HitAt10, double Mrr);

/// <param name="Before">The validation questions in the first rankers' order.</param>
/// <param name="After">The same questions re-ranked by a model fitted without them.</param>
/// <param name="FeatureGains">Each feature's share of the final model's split gains, highest first.</param>
public sealed record RerankerTrainingResult(
    RerankerManifest Manifest,
    int Groups,
    int Rows,
    int GroupsWithoutRightCandidate,
    RerankMetrics Before,
    RerankMetrics After,
    IReadOnlyList<KeyValuePair<string, double>> FeatureGains);

/// <summary>
/// Fits LambdaMART (ML.NET FastTree ranking) on candidate lists. First on all but a validation part of the dev
/// questions, to measure; then on everything, which is the model written. One thread and a fixed seed: the same
/// inputs give the same trees.
/// </summary>
public static class RerankerTraining
{
    public const string ReportFileName = "training-report.json";

    public static RerankerTrainingResult Train(IReadOnlyList<RerankGroup> groups, RerankerTrainingOptions options, string folder)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (groups.Any(g => g.Features.Count != g.Relevant.Count || g.Features.Any(f => f.Length != RerankFeatures.Count)))
        {
            throw new ArgumentException($"Every candidate needs {RerankFeatures.Count} features and a label.", nameof(groups));
        }

        var learnable = groups.Where(g => g.Relevant.Contains(true)).ToList();
        var questions = groups.Where(g => g.Source == RerankSource.Question).ToList();
        if (learnable.Count == 0 || questions.Count == 0)
        {
            throw new ArgumentException("Training needs dev questions, and at least one question with a right norm among its candidates.", nameof(groups));
        }

        var shuffled = questions.OrderBy(g => Mix(g.Question, options.Seed)).ToList();
        var validation = shuffled.Take(Math.Max(1, (int)(shuffled.Count * options.ValidationShare))).ToHashSet();
        var ml = new MLContext(seed: options.Seed);
        var probe = Fit(ml, learnable.Where(g => !validation.Contains(g)).ToList(), options);
        var before = Metrics(validation, group => [.. Enumerable.Range(0, group.Features.Count).Select(i => (double)-i)]);
        var after = Metrics(validation, group => Predict(ml, probe.Model, group.Features));

        var final = Fit(ml, learnable, options);
        var manifest = new RerankerManifest(
            RerankFeatures.Names, options.Seed, options.Trees, options.Leaves, options.LearningRate,
            questions.Count, groups.Count - questions.Count, DateTimeOffset.UtcNow);
        var result = new RerankerTrainingResult(
            manifest, groups.Count, groups.Sum(g => g.Features.Count), groups.Count - learnable.Count, before, after, Gains(final.Model));
        StagedFolder.Write(folder, staging =>
        {
            ml.Model.Save(final.Model, final.Schema, Path.Combine(staging, LearnedReranker.ModelFileName));
            File.WriteAllText(Path.Combine(staging, LearnedReranker.ManifestFileName), JsonSerializer.Serialize(manifest, RerankerJson.Options));
            File.WriteAllText(Path.Combine(staging, ReportFileName), JsonSerializer.Serialize(result, RerankerJson.Options));
        });
        return result;
    }

    private static (RankingPredictionTransformer<FastTreeRankingModelParameters> Model, DataViewSchema Schema) Fit(
        MLContext ml, IReadOnlyList<RerankGroup> groups, RerankerTrainingOptions options)
    {
        var rows = groups.SelectMany((group, index) => group.Features.Select((features, i) => new RerankRow
        {
            Group = (uint)index + 1,
            Label = group.Relevant[i] ? 1 : 0,
            Features = features,
        }));
        var data = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(RerankRow.Group)).Fit(data).Transform(data);
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(RerankRow.Label),
            FeatureColumnName = nameof(RerankRow.Features),
            RowGroupColumnName = "GroupKey",
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        return (trainer.Fit(keyed), data.Schema);
    }

    private static double[] Predict(MLContext ml, ITransformer model, IReadOnlyList<float[]> features)
    {
        var engine = ml.Model.CreatePredictionEngine<RerankRow, RerankScore>(model);
        return [.. features.Select(f => (double)engine.Predict(new RerankRow { Features = f }).Score)];
    }

    private static RerankMetrics Metrics(IReadOnlyCollection<RerankGroup> groups, Func<RerankGroup, double[]> score)
    {
        var ranks = groups.Select(group =>
        {
            var scores = score(group);
            var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
            var first = order.FindIndex(i => group.Relevant[i]);
            return first < 0 ? (int?)null : first + 1;
        }).ToList();
        return new RerankMetrics(
            ranks.Count,
            ranks.Count(r => r == 1) / (double)ranks.Count,
            ranks.Count(r => r <= 10) / (double)ranks.Count,
            ranks.Sum(r => r is { } rank ? 1.0 / rank : 0) / ranks.Count);
    }

    private static List<KeyValuePair<string, double>> Gains(RankingPredictionTransformer<FastTreeRankingModelParameters> model)
    {
        var weights = default(VBuffer<float>);
        model.Model.GetFeatureWeights(ref weights);
        var values = weights.DenseValues().ToArray();
        var total = values.Sum();
        return [.. RerankFeatures.Names
            .Select((name, i) => new KeyValuePair<string, double>(name, total == 0 || i >= values.Length ? 0 : Math.Round(values[i] / total, 4)))
            .OrderByDescending(p => p.Value)];
    }

    /// <summary>A seeded order of questions that does not depend on the runtime's string hashing.</summary>
    private static ulong Mix(string text, int seed)
    {
        var hash = 14695981039346656037UL ^ (ulong)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
