using Assistant.Core.Embeddings;
using Assistant.Indexer.Training;
using Assistant.Inference.Embeddings.Training;
using Assistant.Inference.Tokenizers;
using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Training;

public class EmbedderTrainingTests(AdiletTrainingRuns runs) : IClassFixture<AdiletTrainingRuns>
{
    private static readonly string[] StopWords = ["какая", "если", "қандай", "үшін"];
    private static readonly string[] ContentWords = ["суд", "Президент"];

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
    public void Every_pair_kind_but_aligned_translations_is_mined_from_the_adilet_texts()
    {
        Assert.All(
            runs.First.Mined.Where(count => count.Kind != PairKind.AlignedTranslation),
            count => Assert.True(count.Training > 0, $"no {count.Kind} pairs"));
        Assert.Equal(Enum.GetValues<PairKind>().Length, runs.First.Mined.Count);
        Assert.Empty(runs.First.Failures);
    }

    [SharedFact]
    public void Stop_words_weigh_nothing_in_the_trained_model_and_content_words_do()
    {
        var tokenizer = UnigramTokenizer.FromGguf(SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf"));
        int Token(string word) => Assert.Single(tokenizer.Encode(word, addSpecialTokens: false));

        Assert.All(StopWords, word => Assert.Equal(0f, runs.First.Model.Weights[Token(word)]));
        Assert.All(ContentWords, word => Assert.True(runs.First.Model.Weights[Token(word)] > 0f, word));
    }

    [SharedFact]
    public void Aligning_by_content_pairs_a_kazakh_act_under_another_id_with_its_russian_text_and_trains_on_its_articles()
    {
        // The 1995 Constitution in both languages under its Adilet id teaches the first model translations; a second copy
        // of each language under ids of its own has neither id nor registration in common, only content. The Labour
        // Code is there to be passed over.
        var folder = Directory.CreateTempSubdirectory("raglegal-align-");
        try
        {
            foreach (var (language, id) in new[] { ("kk", "K950001000_"), ("ru", "K950001000_"), ("kk", "Z950001000_"), ("ru", "U950001000_") })
            {
                File.Copy(SharedData.Path("corpus", "adilet", language, $"K950001000_.{language}.txt"), Path.Combine(folder.FullName, $"{id}.{language}.txt"));
            }

            File.Copy(SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt"), Path.Combine(folder.FullName, "K1500000414.ru.txt"));
            var options = new TrainingOptions([folder.FullName], SharedData.Path("models", "ggml-vocab-nomic-bert-moe.gguf"))
            {
                Mining = new PairMiningOptions { Seed = 4 },
                Trainer = new TrainerOptions { Dimensions = 64, Epochs = 3, Seed = 4, Threads = 2 },
                AlignByContent = true,
            };

            var result = EmbedderTraining.Run(options, null, CancellationToken.None);

            var aligned = Assert.Single(result.Aligned);
            Assert.Empty(result.Failures);
            Assert.Equal(("U950001000_", "Z950001000_"), (aligned.RussianId, aligned.KazakhId));
            Assert.True(aligned.Articles >= 20, $"{aligned.Articles} articles aligned");
            var pairs = Assert.Single(result.Report.Pairs, p => p.Kind == nameof(PairKind.AlignedTranslation));
            Assert.Equal(aligned.Articles, pairs.Training + pairs.HeldOut);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
