using Assistant.Core.Retrieval.Reranking;
using Assistant.Inference.Reranking;

namespace Assistant.Inference.Tests.Reranking;

public sealed class RerankerTrainingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "raglegal-rerank-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// Questions whose right candidate stands low in the first order but has the highest body coverage: a model that
    /// learns anything learns to lift it.
    /// </summary>
    private static List<RerankGroup> Groups(int count, int seed)
    {
        var random = new Random(seed);
        var coverage = RerankFeatures.Names.ToList().IndexOf("body_coverage");
        var rank = RerankFeatures.Names.ToList().IndexOf("lexical_rank_inverse");
        var groups = new List<RerankGroup>();
        for (var g = 0; g < count; g++)
        {
            var right = random.Next(5, 20);
            var features = new List<float[]>();
            for (var i = 0; i < 20; i++)
            {
                var vector = new float[RerankFeatures.Count];
                for (var f = 0; f < vector.Length; f++)
                {
                    vector[f] = (float)random.NextDouble() * 0.5f;
                }

                vector[rank] = 1f / (i + 1);
                vector[coverage] = i == right ? 0.9f : (float)random.NextDouble() * 0.6f;
                features.Add(vector);
            }

            groups.Add(new RerankGroup($"q{g}", g % 3 == 0 ? RerankSource.Heading : RerankSource.Question, features, [.. Enumerable.Range(0, 20).Select(i => i == right)]));
        }

        return groups;
    }

    private static readonly RerankerTrainingOptions Small = new() { Trees = 30, Leaves = 8, MinExamplesPerLeaf = 5 };

    [Fact]
    public void A_model_trained_on_what_tells_the_right_candidate_ranks_it_higher_on_questions_it_did_not_see()
    {
        var result = RerankerTraining.Train(Groups(120, 1), Small, _folder);

        Assert.True(result.After.Mrr > result.Before.Mrr + 0.3, $"MRR {result.Before.Mrr:F3} → {result.After.Mrr:F3}");
        Assert.Equal("body_coverage", result.FeatureGains[0].Key);
        Assert.Equal(80, result.Manifest.Questions);
        Assert.Equal(40, result.Manifest.PseudoQuestions);
    }

    [Fact]
    public void The_written_folder_loads_and_scores_as_the_training_measured()
    {
        var groups = Groups(60, 2);
        RerankerTraining.Train(groups, Small, _folder);

        var reranker = LearnedReranker.Load(_folder);
        var scores = reranker.Score(groups[1].Features);

        var right = groups[1].Relevant.ToList().IndexOf(true);
        Assert.Equal(right, scores.Select((s, i) => (s, i)).MaxBy(p => p.s).i);
        Assert.True(File.Exists(Path.Combine(_folder, RerankerTraining.ReportFileName)));
    }

    [Fact]
    public void The_same_inputs_and_seed_give_the_same_scores()
    {
        var groups = Groups(60, 3);
        var other = _folder + "-again";
        try
        {
            RerankerTraining.Train(groups, Small, _folder);
            RerankerTraining.Train(groups, Small, other);

            Assert.Equal(LearnedReranker.Load(_folder).Score(groups[0].Features), LearnedReranker.Load(other).Score(groups[0].Features));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void A_model_of_other_features_is_refused_by_name()
    {
        RerankerTraining.Train(Groups(30, 4), Small, _folder);
        var manifestPath = Path.Combine(_folder, LearnedReranker.ManifestFileName);
        var edited = File.ReadAllText(manifestPath).Replace("\"same_language\"", "\"retired_feature\"", StringComparison.Ordinal);
        File.WriteAllText(manifestPath, edited);

        var refused = Assert.Throws<InvalidDataException>(() => LearnedReranker.Load(_folder));

        Assert.Contains("retired_feature", refused.Message, StringComparison.Ordinal);
        Assert.Contains("train-reranker", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_model_is_refused_with_what_to_do()
    {
        Directory.CreateDirectory(_folder);

        var refused = Assert.Throws<FileNotFoundException>(() => LearnedReranker.Load(_folder));

        Assert.Contains("train-reranker", refused.Message, StringComparison.Ordinal);
    }
}
